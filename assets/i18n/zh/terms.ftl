# Downtime 界面的简体中文。键与 en.ftl 相同，顺序相同。

## The catalogue's own test
test-plural = { $n } 项决策

## Fixed words of the format and the engine (src/i18n/terms.rs)
severity-info = 信息
severity-low = 低
severity-medium = 中
severity-high = 高
severity-critical = 危急
channel-phone = 电话
channel-email = 电子邮件
channel-in-person = 当面
channel-radio = 无线电 / 寻呼
channel-press = 媒体
channel-social = 社交媒体
channel-ransom-note = 勒索信
channel-official = 官方
channel-alert = 警报
channel-report = 报告
channel-other = 消息
system-up = 正常
system-degraded = 降级
system-down = 停机
system-isolated = 已隔离
system-restoring = 恢复中
system-restored = 已恢复
rating-p = 顺利完成
rating-s = 完成但有一些困难
rating-m = 完成但有重大困难
rating-u = 无法完成
rating-none = 未评级（无适用检查项）
yes = 是
no = 否
pick-exactly = 选 { $n } 项
pick-range = 选 { $min } 至 { $max } 项
objective-summary = { $rated }；{ $suggested }
objective-pending = 待评估员评级
objective-no-suggestion = 无建议（无适用检查项）
objective-suggested = 建议 { $rating }（{ $applicable } 项检查中达成 { $met } 项）

## The engine's refusals and unavailable options (src/i18n/refusal.rs)
stage-not-started = 演练尚未开始
stage-paused = 演练已暂停
stage-running = 演练正在进行
stage-phase-break = 演练处于阶段间歇
stage-ended = 演练已结束
unavailable-requirement = 未满足其前提条件
unavailable-within = 这些选项合在一起不满足该决策的 `within` 条件
unavailable-option = `{ $option }`：{ $why }
unavailable-option-after = 在 `{ $after }` 之后选 `{ $option }`：{ $why }
unavailable-not-open-to = 不对 { $team } 开放
unavailable-used-up = { $max ->
   *[other] 已执行 { $max } 次
}
unavailable-again-in = { $duration } 后可再次执行
refusal-stage = 无法执行 `{ $command }`：{ $why }
refusal-no-ending-held = 没有等待确认的结局
refusal-ending-held = { $n ->
   *[other] 演练已到达结局 `{ $ending }`，但决策 { $open } 仍未作出：请先作出决策，或确认结局
}
refusal-at-phase-break = 演练处于阶段间歇：请先开始下一阶段
refusal-paused = 演练已暂停：继续演练后时钟才会走动
refusal-last-phase = 这是最后一个阶段
refusal-already-paused = 已经暂停
refusal-not-paused = 演练未暂停
refusal-decision-not-open = 决策 `{ $decision }` 尚未开放
refusal-decision-taken = 决策 `{ $decision }` 已经作出
refusal-nothing-to-undo = 没有可撤销的操作
refusal-host-stopped = 主机已停止
refusal-no-ending = 演练在 { $limit } 条命令内没有结束
refusal-wrong-team = 决策 `{ $decision }` 属于小组 `{ $owner }`，不属于 `{ $team }`
refusal-no-reason = 请说明否决全场意见的理由：理由会写入报告
refusal-no-time-limit = 决策 `{ $decision }` 没有时限
refusal-already-fired = 情况 `{ $inject }` 已经发出
refusal-not-finite = 数值必须是有限数
refusal-no-rating = 评定只能是 P、S、M 或 U
refusal-not-one-of = `{ $parameter }` 只能取以下值之一：{ $choices }
refusal-wrong-kind = `{ $parameter }` 不能取值 { $value }
refusal-named-twice = 选项 `{ $option }` 重复出现
refusal-count-exactly = { $n ->
   *[other] 决策 `{ $decision }` 需选 { $n } 项，而不是 { $given } 项
}
refusal-count-range = 决策 `{ $decision }` 需选 { $min } 到 { $max } 项，而不是 { $given } 项
refusal-unavailable = 选项 `{ $option }` 不可用：{ $why }
refusal-unavailable-together = 选项 `{ $options }` 不能同时选择：{ $why }
refusal-not-in-force = 第 { $entry } 条不是仍然有效的命令（它已被撤销，或本身是撤销、回退，或尚未写入）
refusal-before-start = 不能回退到开始之前：请选择更晚的条目
refusal-which-team = 行动 `{ $action }` 对多个小组开放：请指明是哪个小组（{ $teams }）
refusal-action-unavailable = 行动 `{ $action }` 目前无法执行：{ $why }
refusal-unknown = { $kind ->
    [decision] 未知决策 `{ $id }`
    [action] 未知行动 `{ $id }`
    [inject] 未知情况 `{ $id }`
    [metric] 未知指标 `{ $id }`
    [objective] 未知目标 `{ $id }`
    [option] 未知选项 `{ $id }`
    [parameter] 未知参数 `{ $id }`
    [team] 未知小组 `{ $id }`
   *[other] 未知标识 `{ $id }`（{ $kind }）
}
refusal-follow = 此视图跟随一份日志，不能修改它
refusal-not-saved = 未保存：无法写入日志 { $path }：{ $error }；没有任何改动，问题解决后请重试
refusal-too-long = 未保存：{ $why }

# 电子表格：`export msel` 与 `export timeline` 的列名、第一个工作表的名称、所有团队。
sheet-seq = 序号
sheet-time = 时间
sheet-day-time = 日期时间
sheet-phase = 阶段
sheet-id = 注入编号
sheet-title = 标题
sheet-channel = 渠道
sheet-from = 发送方
sheet-to = 接收方
sheet-description = 描述
sheet-expected = 预期行动
sheet-objective = 目标
sheet-capability = 核心能力
sheet-notes = 引导员备注
sheet-trigger = 触发条件
sheet-all-events = 全部事件
sheet-all-teams = 所有团队
sheet-real-time = 实际时间
sheet-scenario-time = 情景时间
sheet-planned = 计划时间
sheet-kind = 类型
sheet-what = 内容
sheet-team = 团队
sheet-detail = 详情
sheet-decision-time = 决策用时
sheet-timeline = 时间线
