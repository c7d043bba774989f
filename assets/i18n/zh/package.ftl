# HSEEP 演练资料包：情景手册、引导员与评估员指南、参与者反馈表（src/package）。与 en/package.ftl 键相同。

## Shared
package-contents = 目录
package-version = 情景版本：{ $version }
package-module = 模块 { $n }：{ $title }
package-questions = 讨论问题
package-objectives = 目标与核心能力
package-no-objectives = 本情景未定义目标。
package-col-number = 序号
package-col-team = 小组
package-col-responsibilities = 职责
package-col-objective = 目标
package-col-capability = 核心能力

## Situation manual (src/package/sitman.rs)
package-sitman = 情景手册
package-sitman-marking = 供参演人员使用
package-purpose = 目的
package-sitman-purpose = 本情景手册为“{ $title }”的参演人员提供参加演练所需的信息：演练范围、目标、初始情况、要完成的模块以及演练规则。其余内容由引导员掌握：消息、决策及其后果将在演练过程中逐步揭晓。
package-scope = 范围
package-scope-duration = 本演练是以讨论为主的桌面推演，现场时长约 { $duration }，共 { $phases ->
   *[other] { $phases } 个模块
}。
package-scope-phases = 本演练是以讨论为主的桌面推演，共 { $phases ->
   *[other] { $phases } 个模块
}。
package-teams = 参演小组
package-in-play = 演练范围内
package-in-play-teams = 上述各小组，以其日常职责参演，并按其预案和程序做出决策。
package-in-play-systems = 态势板上的信息系统：
package-in-play-services = 态势板上的临床服务：
package-out-of-play = 演练范围外
package-out-of-play-real = 真实的患者、系统和业务：不会真的关闭、呼叫或发送任何东西。
package-out-of-play-outside = 现场以外的机构和人员，由引导员扮演的除外。
package-out-of-play-people = 个人表现：演练评估的是预案、程序和能力。
package-scenario = 情景
package-setting = 背景
package-summary = 概要
package-rules = 演练规则
package-how-to-play = 演练方式
package-ground-rules = 基本规则
package-rule-real = 这是一次演练：不采取任何真实行动；即使取材于真实事件，情景也是虚构的。
package-rule-role = 扮演你自己的角色，按照你的预案、程序和权限，用你实际拥有的资源作出回应。
package-rule-no-hidden = 没有陷阱问题，也没有隐藏意图；情景是合理的，其细节不作争论。
package-rule-time = 消息和决策按演练节奏到来：模块之间时钟可能向前跳跃。
package-rule-assumptions = 缺少信息时，作出合理假设，说出来，然后继续。
package-rule-decide = 决策在讨论中作出：积极发言，坦率表达不同意见，并说明你做决定还需要什么。
package-rule-phones = 电话和邮件只用于真实紧急情况；真实紧急情况将中止演练。
package-no-fault-label = 无过错演练。
package-no-fault = 本演练是一个安全的学习场所。它检验的是预案、程序和系统，而不是个人：没有人会被打分，这里所说的一切只用于改进机构的应对。
package-cast = 你将遇到的人物
package-cast-intro = 消息可能来自以下人物，由引导员扮演。
package-col-name = 姓名
package-col-role = 职务
package-col-organisation = 机构
package-sources = 资料来源
package-sources-intro = 本情景参考了以下公开资料。

## Facilitator and evaluator guide (src/package/guide.rs)
package-guide = 引导员与评估员指南
package-guide-marking = 仅供引导员和评估员使用
package-guide-about = 关于本指南
package-guide-intro = 本指南供“{ $title }”的引导员和评估员使用。每个模块给出简报、引导员备注、按计划顺序排列的消息及其决策和讨论问题；随后每个目标给出关键任务、证据和一张评估表。
package-guide-warning-label = 请勿向参演人员透露。
package-guide-warning = 本指南包含尚未送达的消息、各项决策及其推荐选项，以及对各小组的期望。
package-overview = 演练概览
package-duration = 时长：
package-scenario-start = 情景开始：
package-teams-label = 小组：
package-counts = { $phases ->
   *[other] { $phases } 个模块
}，{ $messages ->
   *[other] { $messages } 条消息
}，{ $decisions ->
   *[other] { $decisions } 项决策
}。
package-params = 简报时选择的设置
package-col-setting = 设置
package-col-default = 默认值
package-cast-guide = 人物：如何扮演
package-col-how-to-play = 扮演方式
package-col-secrets = 隐瞒的信息
package-starts = 开始于：
package-estimate = 计划现场时长：
package-briefing = 简报
package-facilitator-notes = 引导员备注
package-messages = 消息
package-no-messages = 本模块没有定时消息。
package-other-messages = 无固定时间的消息
package-other-messages-intro = 突发事件、各小组选择的后续消息以及等待条件触发的消息，按文件顺序排列。
package-when = 时间：
package-channel = 渠道：
package-from = 发件人：
package-to = 收件人：
package-hidden = 隐藏：仅供引导员，从不向各小组显示。
package-attachment = 附件：
package-notes = 备注：
package-inject-questions = 关于此消息的问题
package-decision = { $team } 的决策：
package-col-option = 选项
package-col-recommended = 推荐
package-recommended-mark = ✓ 推荐
package-recommended = 推荐：
package-none-recommended = 没有标记为推荐的选项
package-time-limit = 时限：
package-limit-real = 现场 { $duration }
package-limit-scenario = 情景时间 { $duration }
package-timeout = { $limit }；未作决定时：{ $default }
package-discussion-points = 讨论中应引出的要点
package-objective = 目标 { $n }：{ $text }
package-capability = 核心能力：
package-no-tasks = 此目标未定义关键任务。
package-task = 关键任务 { $n }：{ $text }
package-target = 指标：
package-evidence = 证据（衡量该任务的最佳实践检查）
package-no-evidence = 没有检查衡量此任务：依靠评估员的观察。
package-eeg = 演练评估指南
package-eeg-intro = 每个目标一张表。记录你对每项关键任务的观察，为每项任务勾选评级，然后对目标整体评级。
package-eeg-sheet = 评估表，目标 { $n }：{ $text }
package-evaluator = 评估员姓名和日期：
package-observations = 观察记录（做了什么、何时、由谁）：
package-task-rating = 任务评级：
package-objective-rating = 目标评级
package-rating = 评级：
package-rating-reason = 评级理由：
package-col-rating = 评级
package-col-meaning = 含义

## Participant feedback form (src/package/feedback.rs)
package-feedback = 参与者反馈表
package-feedback-intro = 感谢你参加“{ $title }”。你的回答有助于改进演练及其检验的预案。姓名可不填。
package-feedback-about = 关于你（选填）
package-feedback-name = 姓名：
package-feedback-role = 职务或岗位：
package-feedback-team = 小组：
package-feedback-ratings = 你的评分
package-feedback-scale = 每条陈述勾选一格：1 非常不同意，2 不同意，3 中立，4 同意，5 非常同意。
package-feedback-statement = 陈述
package-feedback-objectives-clear = 演练目标清晰。
package-feedback-objective-met = 演练帮助我们练习了这一目标：{ $objective }
package-feedback-realistic = 情景真实可信。
package-feedback-materials = 资料（情景手册、消息、态势板）有用。
package-feedback-facilitation = 引导使演练保持正轨。
package-feedback-time = 讨论时间充足。
package-feedback-role-clear = 我更清楚自己在真实事件中的角色了。
package-feedback-plans = 演练展示了我们的预案和程序在实践中如何运作。
package-feedback-participants = 合适的人员和职能参加了演练。
package-feedback-better-prepared = 经过这次演练，我对真实事件准备得更充分了。
package-feedback-strengths = 优势
package-feedback-strengths-prompt = 哪些方面做得好？演练显示了哪些优势？
package-feedback-improve = 待改进之处
package-feedback-improve-prompt = 在预案、应对或演练本身中，哪些需要改进？
package-feedback-differently = 我将有所不同的做法
package-feedback-differently-prompt = 这次演练之后，你会在自己的工作中做什么、检查什么或改变什么？
package-feedback-comments = 其他意见
package-feedback-comments-prompt = 你想告诉演练团队的任何其他内容。
package-feedback-thanks = 谢谢。离开前请将此表交给引导员。

## The trigger of a message in words (src/msel/export.rs; English in the MSEL, the guide's language in the guide)
msel-trigger-at = 于 { $offset }
msel-trigger-after = { $what } 之后
msel-trigger-after-delay = { $what } 之后 { $delay }
msel-trigger-option = 选项“{ $label }”（{ $decision }）
msel-trigger-outcome-of-option = 选项“{ $option }”的结果“{ $outcome }”
msel-trigger-outcome-of-action = 行动“{ $action }”的结果“{ $outcome }”
msel-trigger-action = 行动“{ $action }”
msel-trigger-inject = 消息“{ $title }”
msel-trigger-phase-start = 阶段“{ $phase }”开始时
msel-trigger-deadline-met = 期限“{ $deadline }”达成
msel-trigger-deadline-missed = 期限“{ $deadline }”错过
msel-trigger-random-event = 随机事件“{ $event }”
msel-trigger-later = { $what }，{ $delay } 后
msel-trigger-when = 当 { $condition }
msel-trigger-when-delay = 当 { $condition } 成立 { $delay } 后
msel-trigger-a-condition = 某个条件成立
msel-trigger-curveball = 突发事件（由引导员发出）
msel-trigger-facilitator-only = 仅由引导员发出
msel-trigger-scheduled-by = 由 { $who } 安排
msel-trigger-follow-up-of = { $what } 的后续
msel-trigger-or = 或
msel-trigger-chance = 概率 { $chance }
