# The seats: the web seat page (assets/web) and the SSH seat screen (src/host).

## The SSH seat's screen (src/host/ssh_screen.rs, ssh.rs)
seat-enlarge = Downtime：请放大窗口
seat-waiting-host = Downtime：正在等待演练主机…
seat-rotated = Downtime：此席位的代码已更改，请向主持人索取新代码。
seat-situation = 态势
seat-your-decision = 你的决策
seat-open-decisions = 待决事项
seat-pinned = 主持人展示
seat-inbox-title = 收件箱（{ $n }），最新在前
seat-keys-lead-actions = 1–9 投票 · s 提交 · a 下一项行动 · t 执行 · Tab 下一项决策 · ↑↓ 滚动 · q 离开
seat-keys-lead = 1–9 投票 · s 提交团队的选择 · Tab 下一项决策 · ↑↓ 滚动 · q 离开
seat-keys-member = 1–9 投票 · Tab 下一项决策 · ↑↓ 滚动收件箱 · q 离开
seat-keys-presenter = Tab 下一项决策 · ↑↓ 滚动收件箱 · q 离开
seat-confirm-take = y / n：现在为团队执行“{ $action }”？
seat-confirm-submit = y / n：将“{ $choice }”提交为团队的决策？投票将随之结束。
seat-presenter = 演示屏
seat-stage-briefing = 简报：演练尚未开始
seat-stage-paused = 已暂停
seat-stage-break = 阶段间歇
seat-stage-ended = 演练已结束
seat-clock = { $offset } · { $time } · 第 { $phase }/{ $phases } 阶段：{ $title }
seat-ended = 演练已结束：{ $title }
seat-next-phase = 下一阶段：{ $title }
seat-no-decision-team = 目前没有等待你们团队的决策。
seat-no-decision = 目前没有待决事项。
seat-n-of = （第 { $i } 项，共 { $n } 项）
seat-time-left = 剩余时间：{ $left }
seat-several = 可多选：{ $pick }（按数字键勾选或取消）。
seat-not-available = （不可选）
seat-votes = { $n ->
   *[other] { $n } 票
}
seat-lead-hint = 你是团队负责人：按 s 将“{ $choice }”提交为团队的选择（如要提交其他选项，请先投票给它）。
seat-actions-lead = 团队随时可执行的行动（a 下一项 · t 执行）
seat-actions-member = 团队负责人随时可执行的行动
seat-taken-times = { $n ->
   *[other] 已执行 { $n } 次
}
seat-at-most = （最多 { $n } 次）
seat-again-in = { $left } 后可再次执行
seat-not-available-now = （暂不可用）
seat-deadlines = 时限
seat-deadline-left = { $label }：剩余 { $left }
seat-decided = 已决定
seat-timed-out = （已超时）
seat-systems = 系统
seat-services = 服务
seat-no-message = 暂无消息。
seat-attachment = 附件：{ $name }
seat-more-rows = { $n ->
   *[other] … 还有 { $n } 行
}
seat-not-taken = 未执行。
seat-not-submitted = 未提交。
seat-option-unavailable = 选项 { $n } 不可选。
seat-no-such-option = 没有选项 { $n }。
seat-only-lead-submits = 只有团队负责人可以提交团队的选择。
seat-only-lead-takes = 只有团队负责人可以执行团队的行动。
seat-tick-first = 请先勾选选项（按其数字键）：你的投票就是你提交的内容。
seat-none-available = 没有可选的选项。
seat-no-action = 你们团队没有可执行的行动。
seat-ticked = 已勾选 { $n } 项：{ $pick }后才能投票。
seat-cannot-take-now = “{ $action }”现在无法执行。
seat-presenter-no-vote = 演示屏不参与投票。
seat-busy = 主机繁忙，请重试。
seat-vote-recorded = 投票已记录。
seat-choice-in = 团队的选择已提交。
seat-action-done = 完成：行动已执行。
seat-action-not-open = 该行动不向你们团队开放。
seat-decision-closed = 该决策已不再开放。
seat-refused = 未完成：{ $why }
seat-not-saved = 未保存：主机无法记录，请重试。

## The web seat page (assets/web/app.html, app.js, join.html; src/host/web.rs)
seat-web-page-title = Downtime 席位
seat-web-skip = 跳到决策
seat-web-connecting = 正在连接…
seat-web-ending = 结局
seat-web-briefing = 简报
seat-web-decision = 决策
seat-web-name-label = 你的名字（可选，会与你的投票一起显示）
seat-web-no-decision-you = 目前没有等待你的决策。
seat-web-actions = 团队可执行的行动
seat-web-actions-note = 这些行动由团队负责人执行：请告诉负责人选哪一项。
seat-web-inbox = 收件箱
seat-web-taken = 已作出的决策
seat-web-join-page-title = 加入演练 — Downtime
seat-web-join = 加入演练
seat-web-code-label = 加入代码（6 位数字，由主持人提供）
seat-web-join-button = 加入
seat-web-join-other = 也可以扫描团队的二维码，或打开主持人提供的链接。
seat-web-bad-link = 此链接无效（或已失效）。请改为输入团队的加入代码。
seat-web-too-many = 此设备输错代码次数过多：请稍候再试。
seat-web-bad-code = 代码不正确。请核对后重试。
seat-web-full = 此席位已满：请联系主持人，或等有成员离开后再试。
seat-web-not-joined = 此页面已不在演练中：请重新打开链接或输入加入代码。
seat-web-too-many-tries = 尝试次数过多：请稍候。
seat-web-not-done = 未完成：该决策可能已关闭。
seat-web-offline = 无法连接到主机。
seat-web-team-decision = 你们团队的决策
seat-web-several = 可多选：{ $pick }。点击选项即可勾选或取消。
seat-web-lead = 你是团队负责人：团队商定后，请提交团队的选择。
seat-web-submit = 将“{ $choice }”提交为团队的选择
seat-web-confirm-submit = 将“{ $choice }”提交为团队的决策？投票将随之结束。
seat-web-tick-first = 请先勾选选项：你的投票就是你提交的内容。
seat-web-vote-other = 如要提交其他选项，请先投票给它。
seat-web-at-most = 最多 { $n } 次
seat-web-none-left = 次数已用完
seat-web-again-in = { $n } 分钟后可再次执行
seat-web-not-available-now = 暂不可用
seat-web-confirm-take = 现在为团队执行“{ $action }”？
seat-web-new = 新：
seat-web-none-yet = 暂无。
seat-web-deadline-left = { $label }：剩余 { $n } 分钟
seat-web-item = { $name }：{ $value }
seat-web-capacity = { $name }：容量 { $n }%
seat-web-unread = { $n ->
   *[other] （{ $n } 条未读）
}
seat-web-lost = 连接中断：正在重新连接…
seat-web-plain = 此连接未加密：同一网络中的任何人都能看到此页面显示的内容。

# host and start-up (issue 17)
ssh-screen-closed = 演练画面已关闭
seat-refused-pick = { $n ->
   *[other] 请选择 { $n } 个选项
}
seat-refused-pick-range = 请选择 { $min } 至 { $max } 个选项
seat-refused-unavailable = 该选项不可选
seat-refused-not-together = 这些选项不能同时选择
seat-refused-action = 该行动现在无法执行
seat-refused-action-why = 该行动现在无法执行：{ $why }
