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
run-curveball-hidden = （突发情况，隐藏）
run-curveball = （突发情况）
run-hidden = （隐藏）
run-inject = { $symbol } 消息 { $id }“{ $title }”[{ $severity }；{ $how }；发给 { $to }]{ $mark }
run-inject-skipped = 消息 { $id } 未发生（随机判定）
run-inject-prevented = 已避免：{ $id }“{ $title }”（{ $reason }）
run-prevented-guard = 其 `unless` 条件成立
run-prevented-lapsed = 其条件不再成立，将再次等待
run-inject-cancelled = 已取消：{ $id }“{ $title }”
run-decision = 决策 { $id }，由 { $team } 作出：{ $prompt }
run-pick = （{ $words }）
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

## The summary of `simulate` (src/simulate/report.rs)
sim-header = 模拟“{ $title }”（{ $id }）：{ $runs } 次，策略 { $policy }，种子 { $seed }
sim-param-set = （已设定）
sim-completed = 完成 { $completed }/{ $runs } 次；平均每次 { $decisions } 项决策、场景时间 { $duration }
sim-no-option = 决策 { $id } 在 { $runs } 次中没有可用选项
sim-failed = 失败 { $failed } 次；首次：第 { $run } 次（种子 { $seed }）：{ $message }
sim-endings = 结局
sim-score = 得分
sim-score-line = 平均 { $mean }   p5 { $p5 }   p50 { $p50 }   p95 { $p95 }   （最低 { $min }，最高 { $max }）
sim-grades = 等级
sim-checks = 最佳实践检查项（达成率：达成次数 / 适用次数）
sim-na = 无
sim-check-counts = 达成 { $met }，未达成 { $missed }
sim-check-na = 不适用 { $n }
sim-coverage = 覆盖情况
sim-none = 无
sim-never-fired = 从未发出的消息：
sim-never-chosen = 从未选择的选项：
sim-never-reached = 从未达到的结局：
sim-never-started = 从未开始的时限：
sim-never-seen = 从未发生的随机事件：
sim-never-taken = 从未采取的行动：
sim-never-opened = 决策从未出现
sim-opened-in = 决策出现 { $n } 次
sim-decisions-scored = 哪些决策重要（选择该项时的平均得分，及其与其他选择的差值）
sim-decisions = 决策（各选项被选择的次数；不计分）
sim-opened-taken = 出现 { $opened } 次，作出 { $taken } 次
sim-runs = { $runs } 次
sim-impact = 平均 { $mean }  影响 { $impact }  （对比 { $others } 次）
sim-by-timeout = 超时 { $n } 次
sim-points = { $n } 分
sim-spread = 最佳与最差选项差距最大：{ $list }
sim-actions-scored = 行动（采取的次数、每次平均使用次数、这些演练的平均得分及其与从未采取者的差值）
sim-actions = 行动（采取的次数及每次平均使用次数；不计分）
sim-uses = 每次 { $uses } 用

## simulate --balance (src/simulate/balance.rs)
balance-header = “{ $title }”（{ $id }）的平衡性：每次模拟 { $runs } 局，种子 { $seed }
balance-means = 平均分：最佳实践 { $best }，随机决策 { $random }
balance-best-spread = 最佳实践下的运气成分：第 5 与第 95 百分位分数相差 { $figure } 分（至多 { $limit }）
balance-best-same = 最佳实践落在最常见评级（或结局）的比例：{ $figure }（至少 { $limit }）
balance-best-over-random = 最佳实践高出随机决策：{ $figure } 分（至少 { $limit }）
balance-recommended-best = 每个推荐选项单独对照最佳实践，是该决策中最好的：至多落后其他选项 { $figure } 分（至多 { $limit }）
balance-decisions-matter = 随机决策下每个决策都有影响：最好与最差选项至少相差 { $figure } 分（至少 { $limit }）
balance-params-matter = 每个参数都会改变最佳实践的结果（平均分变化 1 分或某一结局变化 5 个百分点）：影响最小的参数达到其 { $figure } 倍
balance-endings-reached = 随机决策下每个结局都会出现：最少见的占 { $figure }（至少 { $limit }）
balance-endings-spread = 随机决策下没有结局占绝对多数：最常见的占 { $figure }（至多 { $limit }）
balance-first-is-not-best = 排在最前的选项不等于最佳实践：`first` 策略与最佳实践选择相同的比例为 { $figure }（应为零）
balance-behind = { $decision }：{ $option } 多得 { $figure } 分
balance-summary = { $rules } 条规则中 { $held } 条成立
balance-impacts = 每个选项单独对照最佳实践（★ 为推荐选项；平均分，及其与最佳实践的差值）

## run's journal line (src/cli/run.rs)
run-journal = 日志：{ $path }
run-journal-resumed = 日志：{ $path }（已恢复，{ $n ->
   *[other] { $n } 条记录
}）

## Loading a scenario (src/output.rs)
load-no-translation = 警告：{ $path } 没有 `{ $asked }` 译本；将以 `{ $language }` 进行
load-has-errors = { $path }：须先修正其中的错误才能使用
load-errors = 场景有错误

## A journal's scenario found again (src/journal/source.rs)
warning-line = 警告：{ $text }
source-scenario-changed = 自日志记录以来，场景 { $origin } 已有改动（当时版本 { $then }，现在 { $now }）；演练已按当前文件重演，可能与现场所见不同
source-translation-changed = 自日志记录以来，{ $origin } 的 `{ $language }` 译本已有改动（或找不到）；报告显示的是当前文本，可能与现场所见不同

## The manual page's section headings (src/cli/man.rs)
man-name = 名称
man-synopsis = 概要
man-description = 描述
man-options = 选项
man-commands = 命令
man-extra = 附注
man-version = 版本
man-authors = 作者

## check's summary
check-ok = 通过：{ $file }
check-summary = 已检查 { $files } 个文件：{ $clean } 个无问题，{ $errors } 个错误，{ $warnings } 个警告

# host and start-up (issue 17)
host-listening = 主机：正在监听 { $addr }
host-ssh-listening = ssh：正在监听 { $addr }；主机密钥 { $key }（{ $path }）
host-ssh-listening-created = ssh：正在监听 { $addr }；主机密钥 { $key }（{ $path }，刚刚创建）
host-ssh-users = ssh：用户名选择席位（小组的 id，或 presenter）；密码是该席位的加入代码
host-tls-on = 主机：TLS 已启用：席位的通信已加密
host-no-tls = 警告：没有 TLS：席位与本主机之间的通信未加密，网络上的任何人都能读取。请使用封闭网络，或使用 --tls-cert 和 --tls-key。
host-seats-file = 席位文件：{ $path }
host-seats-file-unwritable = 无法写入席位文件 { $path }：{ $error }
host-seats-file-not-updated = 无法更新席位文件 { $path }：{ $error }
host-no-runtime = 无法启动主机的运行时：{ $error }
host-cannot-listen = 无法监听 { $addr }：{ $error }
host-no-address = 无法读取监听地址：{ $error }
host-no-owner = 无法启动主机的推演线程：{ $error }
host-stopped-at-once = 主机启动后立即停止了
host-stopped = 主机已停止
host-journal = 日志：{ $path }
host-seat = 席位：
host-joined = 已加入：{ $names }
host-joined-lead = 已加入：{ $names }（负责人 { $lead }）
host-rotated = { $seat } 有了新链接和代码；之前加入的人已全部退出。
host-lead = { $voter } 现在负责 { $team }。
host-no-team = 没有小组 `{ $team }`
host-no-member = 没有成员 `{ $voter }` 加入小组 `{ $team }`
host-no-seat = 没有席位 `{ $who }`：请写小组 id 或 presenter
host-help = seats（链接、代码、已加入者），rotate 小组|presenter（新链接和代码），lead 小组 投票者。
present-following = downtime present：正在跟随 { $path }
present-waiting-folder = downtime present：{ $dir } 中还没有控制台打开推演；正在等待（按 Ctrl-C 停止）
present-no-journal = downtime present：{ $path } 不存在（请给出日志、日志文件夹或 --latest）
present-waiting-journal = downtime present：正在等待 { $path }（推演开始时控制台会创建它；按 Ctrl-C 停止）
present-needs-terminal = downtime：演示视图需要终端
play-journal-exists = downtime play：{ $path } 已存在；用 --resume { $path } 继续它，或换一个 --journal
play-seats-need-scenario = downtime play：--seats 需要场景文件（或 --resume JOURNAL）：席位只为一场推演提供
console-needs-terminal = downtime：控制台需要终端；请用 `downtime run --interactive SCENARIO` 在普通提示符下推演，用 `downtime host SCENARIO --seats ADDR` 在没有终端时提供席位，或用 `downtime run` 获取记录
console-unusable-terminal = downtime：此终端（TERM={ $term }）无法显示控制台；请用 `downtime run --interactive SCENARIO` 在普通提示符下推演
console-no-signals = downtime：无法处理信号：{ $error }
console-no-terminal-setup = downtime：无法设置终端：{ $error }
console-terminal-error = downtime：终端错误：{ $error }
exit-journal = 日志：{ $path }
exit-report = 报告：downtime report { $path }
exit-resume = 继续：downtime play --resume { $path }
host-ssh-key-unreadable = 无法读取 SSH 主机密钥 { $path }：{ $error }
host-ssh-key-not-ed25519 = SSH 主机密钥 { $path } 不是 ed25519 密钥
host-ssh-key-not-private = SSH 主机密钥 { $path } 可被他人读取，且无法设为私有：{ $error }
host-ssh-key-unencodable = 无法编码 SSH 主机密钥：{ $error }
host-ssh-key-unwritable = 无法写入 SSH 主机密钥 { $path }：{ $error }
host-no-random = 没有随机数来源：{ $error }
host-ssh-cannot-listen = 无法为 SSH 监听 { $addr }：{ $error }
host-ssh-no-address = 无法读取 SSH 监听地址：{ $error }
host-said = 主机：{ $text }
