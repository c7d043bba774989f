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
objective-pending = 待评估员评级
objective-no-suggestion = 无建议（无适用检查项）
objective-suggested = 建议 { $rating }（{ $applicable } 项检查中达成 { $met } 项）

## Transcripts of `run` and `--interactive` (src/headless/transcript.rs)
run-header = Downtime：{ $title }（{ $id } { $version }），种子 { $seed }，策略 { $policy }
run-parameters = 参数：{ $list }
run-attachment = 附件 { $name }：
run-discuss = 讨论：{ $question }
run-started = 演练开始
run-phase-break = 阶段间歇：下一阶段为“{ $title }”
run-phase-began = == 第 { $n } 阶段：{ $title }
run-to-facilitator = 仅限主持人
run-to-all = 所有小组
run-from = { $channel }，来自 { $sender }
run-curveball-hidden = （突发事件，隐藏）
run-curveball = （突发事件）
run-hidden = （隐藏）
run-inject = { $symbol } 消息 { $id }“{ $title }”[{ $severity }；{ $how }；发给 { $to }]{ $mark }
run-inject-skipped = 消息 { $id } 未发生（随机判定）
run-inject-prevented = 已避免：{ $id }“{ $title }”（{ $reason }）
run-prevented-guard = 其 `unless` 条件成立
run-prevented-lapsed = 其条件不再成立，将再次等待
run-inject-cancelled = 已取消：{ $id }“{ $title }”
run-decision = 决策 { $id }，由 { $team } 作出：{ $prompt }
run-chose = 已选 { $id }：{ $n }. { $label }{ $mark }
run-chose-timeout = （时间到：默认选项）
run-vote = { $who } 对 { $id } 投票：{ $picked }
run-action = 行动 { $id }：{ $label }
run-action-by = 行动 { $id }，由 { $team } 执行：{ $label }
run-outcome = 结果：{ $label }
run-outcome-text = 结果：{ $label }：{ $text }
run-system = 系统 { $name }：{ $from } -> { $to }
run-service = 服务 { $name }：{ $from } -> { $to }
run-deadline-started = 时限开始：{ $label }（截止 { $due }）
run-deadline-met = 时限达成：{ $label }
run-deadline-missed = 错过时限：{ $label }
run-random-event = 随机事件：{ $label }
run-check-met = 检查达成：{ $title }
run-check-missed = 检查未达成：{ $title }
run-paused = 已暂停
run-resumed = 已继续
run-rated = 目标 { $id } 评级为 { $rating }
run-rated-note = 目标 { $id } 评级为 { $rating }：{ $note }
run-rated-unknown = 目标已评级
run-note = 备注：{ $text }
run-note-unknown = 已添加备注
run-overridden = { $label } 由主持人设定：{ $from } -> { $to }
run-undone = 已撤销 { $id }：{ $label }
run-rewound = 回退到第 { $entry } 条之前（撤回 { $n } 条命令）
run-ending-held = 已达到结局 { $id }，等待未决的决策（作出决策，或确认结局）
run-ended = 结局 { $id }：{ $title }
run-no-score = 不计分（讨论式演练：仅检查项和评级）
run-score = 得分 { $score }/100
run-score-grade = 得分 { $score }/100，等级 { $grade }
run-score-grade-label = 得分 { $score }/100，等级 { $grade }（{ $label }）
run-score-part = { $label }：{ $value }（权重 { $weight }，{ $points } 分）
run-checks = 检查项
run-check-met-at = 于 { $at } 达成
run-check-missed-at = 于 { $at } 未达成
run-check-open = 未定
run-check-na = 不适用
run-objectives = 目标

## The plain-line protocol of `run --interactive` and `host` (src/headless/interactive.rs)
ask-host-help = 可输入：start（简报时）、next（到下一条消息）、step、pause、resume、continue（阶段间歇时）、
    N 或 choose N（作出当前决策）、curveball 消息（立即触发）、note 文本、undo、
    end [原因]、confirm-ending、空行（显示当前状况）、q（停止主机）。
ask-ended = 演练已结束；各席位显示结局。
ask-ended-prompt = 输入 q 停止主机（或 note 文本）：
ask-briefing = 简报：席位已开放。输入 seats 列出席位。
ask-briefing-prompt = 所有人加入后输入 start（或 help，或 q）：
ask-break = 阶段间歇。下一阶段：{ $title }。
ask-break-prompt = 输入 continue 开始（或 note 文本，或 q 停止）：
ask-break-again = 输入 continue 开始“{ $title }”。
ask-paused = （已暂停）
ask-running-prompt = 输入 next、step、pause、resume、note 文本、help 或 q：
ask-several = （可多选：{ $words }，数字以空格分隔）
ask-votes = { $n } 票
ask-not-available = 不可用：{ $why }
ask-host-choice = 为该小组选择 1-{ $n }，或等待其负责人（next、step、pause、note 文本、空行刷新、q）：
ask-choice = 您的选择（1-{ $n }，或 note 文本，或 q 停止）：
ask-option-unavailable = 该选项不可用：{ $why }
ask-number = 请输入 1 到 { $n } 之间的数字。
ask-number-or-help = 请输入 1 到 { $n } 之间的数字，或 help。
ask-retry = 按回车重试，或输入 q 停止：
ask-not-done = 未执行：{ $why }
ask-stopped = 已停止于 { $at }。没有任何丢失：用 `downtime run --interactive --resume JOURNAL` 继续。
ask-pick-count = 此决策需要{ $words }（数字以空格分隔）。
ask-not-together = 这些选项不能同时选择：{ $why }
