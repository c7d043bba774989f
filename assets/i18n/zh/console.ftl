# Downtime's facilitator console, presenter and SSH seats (src/tui, src/host/ssh_screen.rs).

## Status bar and help window (src/tui/view/common.rs, overlay.rs)
hint-keys = 按键
hint-next-tab = 下一标签页
hint-scroll = 滚动
hint-quit = 退出
help-title-picker = 按键 · 选择场景
help-title-briefing = 按键 · 简报
help-title-presenter = 按键 · 演示
help-title-end = 按键 · 结束画面
help-title-exercise = 按键 · 演练
help-symbols = 符号：严重程度 · 信息 ○ 低 ◆ 中 ▲ 高 ‼ 危急；• 未读；? 决策待定；★ 推荐（仅主持人可见）；⚠ 超过阈值；✗ 不可用。
help-mouse = 要用鼠标选择文本，请按住 Shift 拖动（控制台会接收鼠标点击）。

## The keys of each screen (src/tui/keys.rs)
key-space = 空格
key-enter = Enter
key-esc = Esc
key-shift-tab = Shift-Tab
key-page-up = PgUp
key-page-down = PgDn
key-mouse = 鼠标
key-seats = （座位）
keys-play-choose-that-option-of = 选择当前决策的该选项
keys-play-tick-or-untick-the = 勾选或取消勾选高亮选项，用于可多选的决策（Enter 确认已勾选项）
keys-play-step-the-clock-asks = 时钟前进一步（若有待定决策将超时，会先询问）
keys-play-jump-to-the-next = 跳到下一条消息（若有待定决策将超时，会先询问）
keys-play-skip-to-the-next = 跳到下一阶段（先询问，并说明会失去什么）/ 在阶段间歇时开始下一阶段
keys-play-choose-the-highlighted-option = 选择高亮选项；开始下一阶段
keys-play-pause-or-resume-the = 暂停或继续时钟
keys-play-realtime-pacing-on-or = 开关实时节奏（关闭：手动时钟）
keys-play-pacing-faster-or-slower = 节奏加快或减慢
keys-play-show-the-message-of = 显示下一项待定决策的消息；若无其他决策则切换到下一面板
keys-play-previous-panel = 上一面板
keys-play-move-in-the-panel = 在面板内移动（消息流、正文、选项）
keys-play-previous-or-next-panel = 上一或下一面板
keys-play-page-through-the-injects = 翻阅消息正文
keys-play-curveball-the-pool-first = 突发情况：先从预备池中选，再从任意消息中选；输入文字可筛选
keys-play-the-cast-who-sends = 角色：谁发送什么，以及他们的备注和秘密
keys-play-actions-a-team-takes = 行动：某小组采取场景中的一项可重复行动
keys-play-override-a-metric-with = 修改一项指标，并说明原因
keys-play-add-a-note-to = 在日志中添加备注
keys-play-rate-the-objectives-psmu = 为目标评级 P/S/M/U（阶段间歇时）
keys-play-undo-the-last-decision = 撤销上一项决策（先询问，并显示撤销的内容）
keys-play-rewind-to-an-earlier = 回退到日志中较早的一条（先询问，并显示撤销的内容）
keys-play-end-the-exercise-now = 立即结束演练（先询问）
keys-play-show-on-the-projector = 投影显示：固定所选消息、其附件或本阶段的问题；再按 s 取消
keys-play-session-plan-planned-and = 会议计划：各阶段计划与实际用时
keys-play-seats-with-seats-links = 席位（需 --seats）：链接、代码和二维码、已加入者、投票；为席位生成新链接、指定小组负责人
keys-play-take-the-teams-majority = 采用小组在当前决策上的多数票（需 --seats）；作出其他选择时会询问原因
keys-play-presenter-view-on-or = 开关演示视图（不剧透）
keys-play-largetype-layout-of-the = 开关演示视图的大字布局
keys-play-times-as-day-and = 时间显示为星期与钟点（周日 08:00）或 T+ 偏移
keys-play-the-board-every-metric = 总览：全屏显示每项指标、系统、服务和时限
keys-play-this-help = 本帮助
keys-play-close-a-window-back = 关闭窗口，返回
keys-play-quit-asks-first-the = 退出（先询问；日志保留一切）
keys-play-suspend-the-console-fg = 挂起控制台（fg 恢复；投影会提示）
keys-play-click-a-feed-item = 点击消息流中的一项或一个选项即可选中；Shift+拖动可选择文本
keys-end-next-or-previous-tab = 下一或上一标签页
keys-end-scroll = 滚动
keys-end-export-the-report-beside = 将报告导出到日志旁边
keys-end-rate-the-objectives-psmu = 为目标评级 P/S/M/U，并附备注
keys-end-undo-the-last-decision = 撤销上一项决策（先询问，并显示撤销的内容）
keys-end-rewind-to-an-earlier = 回退到日志中较早的一条（先询问）
keys-end-session-plan-planned-and = 会议计划：各阶段计划与实际用时
keys-end-presenter-view-on-or = 开关演示视图
keys-end-times-as-day-and = 时间显示为星期与钟点（周日 08:00）或 T+ 偏移
keys-end-the-board-as-the = 演练结束时的总览，全屏
keys-end-this-help = 本帮助
keys-end-quit = 退出
keys-present-look-at-an-older = 查看较早的消息（主持人固定的内容优先）
keys-present-largetype-layout-on-or = 开关大字布局：消息、问题、倒计时
keys-present-the-board-every-metric = 总览：全屏显示每项指标、系统、服务和时限
keys-present-tabs-of-the-end = 结束画面的标签页
keys-present-this-help = 本帮助
keys-present-quit-the-journal-is = 退出（日志只读）
keys-picker-choose-a-scenario = 选择场景
keys-picker-open-its-briefing = 打开其简报
keys-picker-quit = 退出
keys-briefing-move-in-the-form = 在表单中移动
keys-briefing-change-a-parameter = 修改参数
keys-briefing-edit-a-field-on = 编辑字段；在“开始”上：开始演练
keys-briefing-start-the-exercise = 开始演练
keys-briefing-switch-between-the-form = 在表单、场景正文和（需 --seats）席位之间切换
keys-briefing-the-highlighted-seats-qr = 高亮席位的二维码，全尺寸
keys-briefing-on-the-seats-a = 在席位上：为高亮席位生成新链接和代码
keys-briefing-scroll-the-scenario-text = 滚动场景正文
keys-briefing-quit = 退出

## The briefing (src/tui/view/briefing.rs)
brief-title = 简报
brief-setting = 背景
brief-starts = 开始于 { $start } · 最长 { $end }
brief-real-time = 约需实际时间 { $duration }
brief-objectives = 目标
brief-teams = 小组
brief-how-to-play = 演练方式
brief-keys = 演练中的按键
brief-organisation = 单位
brief-facilitator = 主持人
brief-members = { $team }（成员）
brief-start = 开始演练
brief-no-journal = 种子 { $seed } · 无日志
brief-journal-latest = 种子 { $seed } · 投影：downtime present --latest · 日志
brief-journal-resuming = 种子 { $seed } · 继续 · 投影：downtime present
brief-journal = 种子 { $seed } · 投影：downtime present
brief-seats = 席位：扫码、打开或输入代码 · Tab
brief-scenario-seats = 场景 · Tab：席位
brief-scenario = 场景
brief-set-up = 布置会场
brief-who = 在场人员（可选，用于报告）
brief-parameters = 本次演练的参数

## The exercise screen (src/tui/view/exercise.rs)
hint-close-board = 关闭总览
hint-older-injects = 更早的情况
hint-board = 总览
hint-resume = 继续
hint-pause = 暂停
hint-facilitator-view = 主持人视图
hint-begin-next-phase = 开始下一阶段
hint-choose = 选择
hint-step = 前进
hint-next-inject = 下一条情况
hint-open-decision = 待决事项
hint-panel = 面板
hint-curveball = 突发情况
hint-presenter = 投屏视图
clock-console-closed = ■ 控制台已关闭
clock-console-suspended = ⏸ 控制台已挂起（{ $s } 秒前）
clock-console-lost = ⚠ 控制台已断开（最后在线 { $s } 秒前）
clock-ended = ■ 已结束
clock-phase-break = ◆ 阶段间歇
clock-paused-console = ⏸ 已暂停 · 控制台暂停
clock-paused = ⏸ 已暂停
clock-paced = ▶ 定速 1 分钟 = { $speed } 分钟
clock-paced-waits = {" "}· 等待决策
clock-manual = 手动时钟
header-elapsed-long-wall = 已用 { $active }（不含暂停）· 当地时间 { $wall }{" "}
header-elapsed-long = 已用 { $active }（不含暂停）{" "}
header-elapsed-mid-wall = 已用 { $active } 不含暂停 · { $wall }{" "}
header-elapsed-mid = 已用 { $active } 不含暂停{" "}
header-elapsed-short-wall = 已用 { $active } · { $wall }{" "}
header-elapsed-short = 已用 { $active }{" "}
header-phase = 第 { $n }/{ $of } 阶段 ·{" "}
panel-injects-unread = 情况 · { $n } · { $unread } 条未读
panel-injects = 情况 · { $n }
feed-empty-presenter = 暂无内容。
feed-empty = 暂无内容。空格键推进时钟，n 跳到下一条情况。
feed-hidden = （隐藏）
panel-coming-up = 即将发生 · 仅主持人可见
upcoming-none = 暂无计划（条件和决策仍可能触发情况）
detail-phase-title = 第 { $n } 阶段 · { $title }
detail-discuss = 讨论
detail-no-inject = 暂无情况。
detail-attached-to = 附于“{ $title }”
detail-from = 来自 { $sender }
detail-curveball = 突发情况
detail-thrown = 已投放 { $n } 次
detail-hidden = 隐藏：仅主持人可见（团队、投屏和席位均看不到）
detail-to = 发给 { $teams }
detail-attachment = 附件 · { $name }
detail-notes = 主持人备注
detail-playing = 扮演 { $name }（C：角色表）
detail-secret = 秘密：{ $secret }
panel-inject-held = 情况 · 投屏固定在 { $what }（s）
panel-inject = 情况
countdown-real = ⏱ 实际 { $clock }
countdown-up = ⏱ 时间到
countdown-scenario = 情景 { $left }
open-this-message = （本条）
open-press-tab = （按 Tab）
open-decisions = { $n } 项待决：{ $names }
decision-timeout-presenter = 时间到：采用默认选项（{ $picked }）
decision-timeout = 时间到：于 { $at } 采用默认选项（{ $picked }）
decision-decided = 于 { $at } 决定：{ $picked }
decision-none-here = 本条没有决策。
decision-none = 没有待决事项。
decision-several-presenter = 多项选择：{ $words }。
decision-several = 多项选择：{ $words } · ↑↓ i 勾选 · Enter 采用已勾选的 { $n } 项 · 只按数字则选一项
votes-none = 团队席位尚未投票。
votes-majority = { $n } 票 · 多数 { $majority }：按 M 采用
votes-tied = { $n } 票，平局：选择时需说明理由
votes-count = { $n } 票
decision-unavailable = 不可用：{ $why }
panel-decision = 决策
more-options = { $n ->
   *[other] 个选项
}
panel-metrics = 指标
panel-systems = 系统 · 服务
board-paper = 纸质
deadline-met = 已完成
deadline-missed = 已错过
deadline-left = 剩余 { $left }
panel-deadlines-running = 时限 · { $n } 项进行中
panel-deadlines = 时限
deadline-none = 无进行中
more-running = 还有 { $n } 项（{ $running } 项进行中）· b
more-shows-all = 还有 { $n } 项 · b 查看全部
panel-log = 日志 · 仅主持人可见
more-earlier = 条较早记录
more-n = 还有 { $n }{ $what }
more-n-above = 上方还有 { $n }{ $what }
more-n-below = 下方还有 { $n }{ $what }

## The end screen
end-tab-summary = 总结
end-tab-checks = 检查
end-tab-charts = 图表
end-tab-decisions = 决策
end-ending = 结局
end-ended-by-facilitator = （主持人结束了演练）
end-no-score = 不计分：讨论式演练（检查项、时限和评定见下）
end-grade = { " · " }等级 { $grade } — { $label }
end-score = 得分 { $score } / 100{ $grade }（仅主持人可见）
end-checks-summary = 最佳实践检查：{ $met } 项达成，{ $missed } 项未达成（标签 2）
end-time-and-decisions = 场景时间 { $time } · { $n ->
   *[other] { $n } 项决策
}
end-objectives = 目标（HSEEP 评定）
end-objectives-rate = 目标（HSEEP 评定；按 o 评定）
end-note = 备注：{ $note }
end-journal = 日志：
end-no-journal = 未写入日志。
end-report = 报告：
end-press-x = 按 x 在日志旁写入事后评估报告。
end-unchanged = 未变化
end-flags-counters = 标志与计数器
end-flags-counters-legend = （最终值 · 变化）
end-changed = { $n ->
   *[other] 变化 { $n } 次，最近于 { $at }
}
end-met = 已达成
end-missed = 未达成
end-none = 无
end-not-applicable = 不适用
end-no-metrics = 此场景没有指标。
end-chart-title = { $label } · 当前 { $value }
end-chart-start = T+0
end-charts-range = 图表 { $from }–{ $to }，共 { $n } 个 · ↑↓ 滚动
end-col-when = 时间
end-col-decision = 决策
end-col-real = 实际用时
end-col-scenario = 场景用时
end-no-decisions = 无决策
end-timed-out = （⏱ 超时：采用默认选项）
end-override = 修正 { $metric }：{ $from } → { $to }（{ $reason }）
end-notes-overrides = 备注与修正

## Overlays: help, confirmations, rewind, projector, plan, seats, forms
end-now-reason = 由主持人结束
actions-none = 本场景没有可执行的行动
too-small-title = 请放大此窗口
too-small-size = Downtime 至少需要 { $min }，当前窗口为 { $size }。
too-small-waits = 演练正在等待；按 q 退出。
actions-title = 行动 · 某个小组现在采取行动
problems-title = { $file } 中的问题
problems-hint = Esc 关闭 · 修正文件后重新启动 Downtime
help-journal-saved = 每条命令在下达时即保存到日志：
help-closes = Esc 或 ? 关闭本帮助
confirm-quit = 退出？
confirm-quit-journal = 日志保存了一切：之后可用以下命令继续
confirm-quit-no-journal = 本次演练没有日志：无法继续。
confirm-undo = 撤销？
confirm-rewind = 回退？
confirm-rewind-entry = 回退到第 { $entry } 条之前？
confirm-ending = 在仍有未决决策时结束？
confirm-ending-text = 演练已到达结局“{ $ending }”。{ $open }选“是”立即结束，{ $n ->
   *[other] 未决决策将不再作答
}；选“否”让各小组先作答。
confirm-end-now = 现在结束演练？
confirm-end-now-text = 将采用默认结局并打开复盘。之后撤销只能收回最后一项决策，不能收回结束。
confirm-end-now-open = { $open }这些决策将不再作答。将采用默认结局并打开复盘。之后撤销只能收回最后一项决策，不能收回结束。
confirm-yes = 是
confirm-no = 否，不作更改
undo-choice = 收回最后一次选择。
undo-timeout = 收回最后一次超时。
undo-phase-skip = 收回最后一次跳过阶段。
undo-clock = 收回发生超时的那条时钟命令。
rewind-hint = ↑↓ 选择 · Enter 预览后确认 · Esc 取消
rewind-title = 回退 · 到某条日志记录之前
show-now = 投影仪当前显示：{ $label }
show-hint = 在解除前一直显示在演示视图上；否则演示视图显示最新消息。1-9 或 Enter 固定 · Esc 取消
show-title = 在投影仪上显示
pin-inject = “{ $title }”
pin-attachment = 附件 { $name }
pin-questions = 第 { $n } 阶段的问题 · { $phase }
pin-message = 消息 { $label }
pin-release = 解除：投影仪重新显示最新消息
plan-col-phase = 阶段
plan-col-planned = 计划
plan-col-spent = 已用
plan-total = 合计
plan-now = 当前
plan-now-left = 当前，剩余 { $left }
plan-now-over = 当前，超出 { $over }
plan-minutes = { $n } 分钟
plan-limits = 各决策的实时时限合计 { $total }（{ $n ->
   *[other] { $n } 个时限
}）。
plan-limits-of = 各决策的实时时限合计 { $total }（{ $n ->
   *[other] { $n } 个时限
}），会议时长 { $session }。
plan-no-estimate = 此场景没有时间估计：在 meta 中设置 `duration`，或在每个阶段设置 `estimate`。
plan-legend = 已用为实际时间，不含暂停；阶段的复盘计入其中。Esc 关闭。
plan-title = 会议计划 · 仅主持人可见
plan-phase-line = { $title }：计划 { $planned }，已用 { $spent } 分钟
plan-phase-line-unplanned = { $title }：已用 { $spent }
seats-title = 席位 · 仅主持人可见
seats-votes = 未决决策的投票
seats-hint = ↑ ↓ 席位 · Enter 显示其二维码（再按 Enter 返回）· r 新链接和代码（使用旧链接的人全部退出）· l 下一位负责人 · M（在窗口外）采纳多数 · u 重开最后一项决策 · Esc
overrule-question = 您选择了 { $options }，但{ $room }。为什么？（将写入日志和报告）
overrule-hint = Enter 以此理由决定 · Esc 不作决定
overrule-title = 否决会场意见
note-hint = Enter 将备注保存到日志 · Esc 取消
note-title = 备注
rate-rating = 评定
rate-note = 备注
rate-type-letter = 输入 P、S、M 或 U
rate-type-letter-first = 请先输入 P、S、M 或 U
rate-hint = 评估员的评定写入日志和报告；建议只是检查项的简单计算。◂ ▸ 选择目标，Tab 移到备注，Enter 保存，Esc 取消。
rate-title = 评定目标
override-metric = 指标
override-value = 数值
override-reason = 理由
override-metric-line = ◂ { $label } ▸  当前 { $now }（{ $min }..{ $max }）
override-hint = 50 设定数值，+5 或 -5 增减。Tab 在字段间移动，◂ ▸ 选择指标，Enter 应用，Esc 取消。
override-title = 修正指标
override-give-reason = 请给出理由：它会写入报告
override-type-value = 请输入数值：50 设定，+5 或 -5 增减
override-not-a-number = `{ $text }` 不是数字：50 设定数值，+5 或 -5 增减

## The phase break
phase-end-of = 第 { $n } 阶段结束 · { $title }
phase-discuss = 讨论
phase-notes = 主持人备注
phase-next = 下一阶段 · 第 { $n } 阶段 · { $title }
phase-starts-at = 开始于 { $offset } · { $at }
phase-plan-line = { $line }（t：会议计划）
phase-enter-begins = 会场准备好后，按 Enter 开始下一阶段。

## What a command would do or did (previews, the rewind list)
cmd-start = 开始
cmd-step = 时钟前进一步
cmd-next-inject = 跳到下一条情况
cmd-next-phase = 下一阶段
cmd-chose = 为“{ $decision }”选择了 { $options }
cmd-choice = 选择
cmd-timed-out = ⏱“{ $decision }”超时
cmd-timeout = 超时
cmd-took = 采取“{ $action }”
cmd-action = 行动
cmd-pause = 暂停
cmd-resume = 继续
cmd-curveball-named = 突发情况“{ $inject }”
cmd-curveball = 突发情况
cmd-override-of = 修正 { $metric }
cmd-override = 修正
cmd-note = 备注
cmd-seat = 席位
cmd-rate = 目标已评定
cmd-undo = 撤销
cmd-rewind = 回退到第 { $entry } 条
cmd-confirm-ending = 确认结局
cmd-end-now = 演练结束
look-still-open = { $n ->
   *[other] 仍有 { $n } 项决策未决：{ $names }。
}
look-stay-open = { $n ->
   *[other] 它们保持未决。
}
look-skip-moves = 跳到下一阶段会将时钟拨快 { $span }（{ $from } → { $to }）；{ $fired ->
    [0] 没有消息到达
   *[other] { $fired } 条消息到达
}。
look-clock-moves = 时钟拨快 { $span }（{ $from } → { $to }）；{ $fired ->
    [0] 没有消息到达
   *[other] { $fired } 条消息到达
}。
look-times-out = “{ $decision }”超时：采用默认选项（{ $option }）。
look-reaches-ending = 演练到达结局“{ $ending }”。
look-q-skip = 跳到下一阶段？
look-q-go-on = 继续？
look-q-skip-time-out = 跳到下一阶段并让{ $n ->
   *[other] { $n } 项未决决策
}超时？
look-q-time-out = 让{ $n ->
   *[other] { $n } 项未决决策
}超时并继续？
look-undo-can = 之后可以撤销。
look-returns-before-entry = 演练回到第 { $entry } 条日志记录之前的时刻。
look-returns-before = 演练回到它之前的时刻。
look-how-timed-out = ⏱ 超时：采用默认选项
look-how-answered = 已作答
look-opens-again = “{ $decision }”（{ $how }：{ $options }）重新开放。
look-clock-back = 时钟从 { $from } 回到 { $to }。
look-leave-feed = { $n ->
   *[other] { $n } 条消息离开消息流。
}
look-entries-taken-back = { $n ->
   *[other] 收回 { $n } 条日志记录（日志仍保留，标记为已撤销）；备注和评定保留。
}

## The console's log and status-bar notices
log-to-facilitator = 仅主持人（隐藏）
log-to-all = 所有小组
log-fired = “{ $title }”发给 { $to }
log-fired-curveball = “{ $title }”发给 { $to }（突发情况）
log-skipped = “{ $title }”未发生（随机结果）
log-prevented-guard = 已避免：“{ $title }”（其 `unless` 条件成立）
log-prevented-lapsed = 已避免：“{ $title }”（其条件不再成立；将再次等待）
log-cancelled = 已取消：“{ $title }”
log-decision-opened = { $team } 的决策：{ $prompt }
log-timed-out = ⏱ 超时：采用默认选项（{ $option }）· { $title }
log-chose = 选择 { $option } · { $title }
log-objective-rated = 目标 { $n } 评定为 { $rating }
log-with-note = { $head }：{ $note }
log-undone = 已撤销：{ $title }（{ $option }）
log-deadline-started = 时限开始：{ $label }（截止 { $due }）
log-ending-held = 已到达结局“{ $title }”，等待未决决策（作答，或确认结局）
log-ended = 结局：{ $title }
notice-note-added = 备注已加入日志
notice-no-objectives = 此场景没有可评定的目标
notice-presenter-follows = 此演示视图只跟随日志
notice-no-journal-report = 本次演练没有日志，无法生成报告
notice-report-written = 报告已写入：{ $path }
notice-no-report = 未生成报告：{ $error }
notice-times-offsets = 时间显示为距开始的偏移（T+hh:mm）；按 t 显示日期和时刻
notice-times-clock = 时间显示为日期和时刻；按 t 显示距开始的偏移（T+）
notice-nothing-to-undo = 没有可撤销的内容
notice-nothing-to-rewind = 没有可回退的内容：开始后尚无命令
notice-pinned = 在解除前显示于投影仪（s）：{ $label }
notice-unpinned = 投影仪重新显示最新消息
notice-nothing-to-show = 尚无可显示的内容：还没有消息到达
notice-pacing-on = 实时节奏开启：实际 1 分钟 = 场景 { $speed } 分钟
notice-pacing-off = 实时节奏关闭：按空格键和 n 推进时钟
notice-pacing-speed = 节奏速度：实际 1 分钟 = { $speed ->
   *[other] 场景 { $speed } 分钟
}
notice-pin-holds = 投影仪显示已固定的内容：按 s 解除
notice-all-fired = 所有情况都已发出
notice-no-cast = 此场景没有角色表
notice-no-metrics = 此场景没有指标
notice-rate-when = 目标在阶段间歇或结束时评定
notice-export-when = 报告在结束画面生成
notice-large-presenter = 大字布局显示在演示视图上（v）
notice-decision-elsewhere = 这条消息没有未决决策：按 Tab 显示未决的那一项（“{ $title }”）
notice-no-decision-open = 没有未决决策
notice-option-count = 此决策有 { $n } 个选项
notice-option-unavailable = 选项 { $n } 不可用：{ $why }
notice-no-decision-here = 这条消息没有未决决策
notice-single-option = 此决策只取一个选项：按其编号选择
notice-ticked = 已勾选 { $n } 项：此决策需要{ $takes }
notice-not-together = 这些选项不能同时选择：{ $why }
notice-over-plan = { $line }：超出计划（t：会议计划）
notice-following = 新演练已开始：正在跟随 { $name }
notice-resumed-after = 中断 { $gap } 后继续

## The board (b)
board-metrics = 指标 · { $n }
board-systems = 系统 · { $systems } · 服务 · { $services }
board-deadlines = 时限 · 已开始 { $n } 项
board-not-started = { $n } 项尚未开始
board-not-started-why = { $n } 项尚未开始（按场景设定开始）
board-coming-up = 即将发生 · { $n } · 仅主持人可见
board-nothing-scheduled = 没有已排定的情况（条件和决策仍可能触发情况）
board-title = 看板 · ↑↓ 滚动 · Esc 或 b 关闭

## The curveball picker and the cast
curveball-hint = ↑↓ 选择 · 输入以筛选 · Enter 立即发出 · Esc 取消
curveball-title-pool = 突发情况 · 先列备用池，再列其他情况
curveball-title = 突发情况 · 立即发出一条情况
curveball-type-to-narrow = 输入以筛选列表
curveball-filter = 筛选：
curveball-no-match = 没有匹配的情况。
curveball-pool = 突发情况备用池
curveball-others = 其他情况
curveball-scrolled = { $n } 条匹配 · 上方 { $above } 条 · 下方 { $below } 条
curveball-repeats = ↻ 可重复
curveball-hidden = 隐藏：仅主持人
curveball-from = 来自 { $sender }
curveball-no-team = 无小组
curveball-to = 发给 { $to }
trigger-manual = 仅由效果触发
trigger-at = 于 { $at }
trigger-after-inject = 在“{ $title }”之后
trigger-after-option = 在选项“{ $label }”之后
trigger-when = 满足条件时
cast-secret = 秘密：{ $secret }
cast-sends = 发送：{ $titles }
cast-hint = ↑↓ 滚动 · 仅主持人可见 · 按其他任意键关闭
cast-title = 角色表 · 仅主持人可见

## The seats overlay (facilitator)
seats-no-tls = ⚠ 未启用 TLS：席位通信未加密，网络上的任何人都能读取（请使用封闭网络，或使用 --tls-cert 和 --tls-key）。
seats-code = 代码
seats-qr-enter = （Enter：显示完整大小的二维码）
seats-qr-ascii = （二维码需要 Unicode 终端：启动时不要加 --ascii）
seats-qr-widen = （加宽窗口以显示二维码）
seats-lead-suffix = ，负责人
seats-nobody = 还没有人加入
seats-joined = { $n } 人已加入，{ $online } 人在线：{ $names }
seats-no-votes = 尚无投票
seats-majority = 多数
seats-no-decision = 没有未决决策。
majority-no-decision = 这条消息没有未决决策：按 Tab 显示未决的那一项
majority-no-votes = 还没有人对此决策投票
majority-tied = 票数相同：用 1-9 选择（会询问您理由）
majority-unavailable = 多数的选择不可用：{ $why }
room-majority-voted = 多数投票选择了 { $options }
room-tied = 票数相同
overrule-say-why = 请说明理由，以便写入报告（Esc：不作决定）
seats-none = 没有席位：使用 `downtime play SCENARIO --seats ADDR` 启动以提供席位
seats-rotated = { $seat }：新链接和代码 { $code }；之前加入的人已退出
seats-presenter-no-lead = 演示屏幕没有负责人
seats-team-empty = 还没有人加入这个小组
seats-new-lead = { $who } 现在负责 { $seat }：只有负责人能提交小组的选择
seat-log-lead-took = 负责人 { $who } 采取了 { $action }
seat-log-submitted = 负责人 { $who } 提交了 { $options }
seat-log-votes = { $who } 投票给 { $options }
log-with-team = { $team }：{ $text }

## The scenario picker
keys-picker-language = 切换语言
picker-one-language = 此场景没有翻译
picker-tagline = 面向医院危机小组的桌面推演（事件响应）。请选择场景。
picker-scenarios = 场景
picker-none = 未找到场景。
picker-bundled = 内置
picker-about-title = 简介
picker-languages = 语言：{ $names }（按 l 切换）
picker-broken = 此文件有错误，无法进行。按 Enter 查看错误，或对其运行 `downtime check`。
picker-about = 约 { $duration }
picker-teams = { $n ->
   *[other] { $n } 个小组
}
picker-injects = { $n ->
   *[other] { $n } 条情况
}
picker-errors = { $n ->
   *[other] { $n } 个错误：无法进行
}
outcome-text = { $label }：{ $text }
end-decision-label = { $title }：{ $n }. { $option }

## The presenter's large type, the waiting screen, the actions window
large-times-up = 时间到
large-default-taken = ⏱ 时间到：采用默认选项（{ $option }）
waiting-objectives = 目标
waiting-for-start = 等待主持人开始演练……
actions-any-team = 任意小组
actions-taken = 已采取 { $n } 次
actions-max = 最多 { $n } 次
actions-every = 每 { $every }
actions-scrolled = 显示 { $shown }/{ $n } 项 · 上方 { $above } 项 · 下方 { $below } 项
actions-can-take = 现在可以采取
actions-not-now = 现在不可：{ $why }
actions-hint = ↑↓ 选择 · Enter 立即采取 · Esc 关闭

## What an option does (the facilitator's previews)
preview-changes = 变化
preview-then = 随后“{ $title }”
preview-then-in = { $after }后“{ $title }”
preview-cancels = 取消“{ $title }”
preview-starts = 开始“{ $label }”
preview-meets = 完成“{ $label }”
preview-ends = 结束：{ $title }
preview-if = 若 { $cond }：{ $then }
preview-if-else = 若 { $cond }：{ $then }；否则：{ $otherwise }
preview-chance = 随机：{ $labels }

# host and start-up (issue 17)
seats-device-web = 网页
seats-device-ssh = SSH
seats-member-gone = { $device }，已离线
seats-member = { $voter }（{ $about }）
seats-member-named = { $name }（{ $voter }，{ $about }）
console-following = 正在跟随 { $path }
