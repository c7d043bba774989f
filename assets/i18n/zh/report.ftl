# The after-action report (src/report).


## Sections (src/report/outline.rs)
report-section-overview = 演练概况
report-section-summary = 执行摘要
report-section-objectives = 目标分析
report-section-plan = 改进计划
report-section-timeline = 时间线
report-section-charts = 指标、系统与服务
report-section-checks = 最佳实践检查
report-section-decisions = 决策
report-section-deadlines = 时限
report-section-luck = 能力与运气详析
report-section-questions = 即时复盘：讨论问题
report-section-facilitator = 供主持人参考：指引与得分
report-section-sources = 资料来源与演练数据
report-section-numbered = { $n }. { $name }
report-section-annex = 附录 { $letter }. { $name }

## Cover and notices (src/report/html/mod.rs, src/report/markdown/mod.rs)
report-title = 事后评估报告：{ $title }
report-title-comparison = { $n } 个小组对比：{ $title }
report-html-kicker = 事后评估报告 / 改进计划
report-html-kicker-group = 第 { $n } 组 · 事后评估报告 / 改进计划
report-md-title = 事后评估报告 / 改进计划：{ $title }
report-md-group-title = 第 { $n } 组：{ $label }
report-exercise-of = 演练日期：{ $date }
report-facilitated-by = 主持人：{ $name }
report-html-draft = <strong>草稿。</strong>由 Downtime 根据演练日志 <code>{ $file }</code> 生成。请审阅，补充分析和改进计划，分发前删除本提示。
report-md-draft = **草稿**，由 Downtime 根据演练日志 { $file } 生成。请审阅，补充分析和改进计划，分发前删除本提示。
report-html-in-progress = <strong>演练进行中。</strong>日志止于 { $offset }（{ $clock }），尚未到达任何结局：以下得分、检查和评级均为暂定。
report-md-in-progress = **演练进行中。**日志止于 { $offset }（{ $clock }），尚未到达任何结局：以下得分、检查和评级均为暂定。
report-html-note = <strong>注意。</strong>{ $text }
report-md-note = **注意。**{ $text }
report-contents = 目录
report-annexes = 附录

## Overview
report-row-scenario = 情景
report-version = 版本 { $version }
report-row-setting = 背景
report-row-date = 日期
report-date-started = { $date }，开始于 { $time }
report-paused = ，其中暂停 { $time }
report-row-real-duration = 实际用时
report-row-interruption = 中断
report-at-when = { $text }，于 { $when }
report-row-covered = 覆盖的情景时间
report-exercise-ended = 演练已结束
report-exercise-in-progress = 演练进行中
report-row-phases = 已进行的阶段
report-row-organisation = 机构
report-row-facilitator = 主持人
report-teams = 小组
report-col-team = 小组
report-col-responsibilities = 职责
report-col-members = 成员
report-not-recorded = 未记录
report-members-not-recorded = 简报时未记录各小组成员。
report-parameters = 简报时设定的参数
report-col-question = 问题
report-col-answer = 回答

## Objectives
report-check-met = 达成
report-check-missed = 未达成
report-check-open = 未决
report-check-na = 不适用
report-md-check-met = 达成
report-md-check-missed = 未达成
report-md-check-open = 未决
report-md-check-na = 不适用
report-pending-evaluator = 待评估员评级
report-md-pending-evaluator = 待评估员评级
report-suggestion-none = 无（没有适用的检查）
report-suggestion = { $rating }（建议）
report-no-objectives = 该情景未定义目标。
report-html-ratings-intro = 评级遵循 HSEEP：<strong>P</strong> 顺利完成，<strong>S</strong> 完成但有一些困难，<strong>M</strong> 完成但有重大困难，<strong>U</strong> 无法完成。评估员为每个目标评级（在控制台结束界面或使用 <code>downtime evaluate</code>）；旁边是根据相关最佳实践检查算出的建议，仅供参考。
report-md-ratings-intro = 评级遵循 HSEEP：**P** 顺利完成，**S** 完成但有一些困难，**M** 完成但有重大困难，**U** 无法完成。评估员为每个目标评级（在控制台结束界面或使用 `downtime evaluate`）；旁边是根据相关最佳实践检查算出的建议，仅供参考。
report-objective-heading = 目标 { $n }：{ $text }
report-html-objective-line = { $rating } · 建议：{ $suggested } · 能力：{ $capability }
report-md-objective-line = 评估员评级：{ $rating }；依据证据的建议：{ $suggested }；能力：{ $capability }。
report-evaluator-note = 评估员备注：{ $note }
report-critical-tasks = 关键任务
report-target = 目标：{ $target }
report-task-met = { $n } 项检查中达成 { $met } 项
report-strengths = 优势
report-improvements = 有待改进之处
report-not-judged = 未判定
report-at = 于 { $when }
report-lesson = 经验教训：
report-no-linked-check = 没有与该目标关联的最佳实践检查。
report-notes = 演练中的记录

## Improvement plan
report-plan-col-obj = 目标
report-plan-col-objective = 目标
report-plan-col-issue = 问题 / 改进领域
report-plan-col-action = 纠正措施
report-plan-col-capability = 能力
report-plan-col-organisation = 负责单位
report-plan-col-contact = 联系人
report-plan-col-start = 开始日期
report-plan-col-completion = 完成日期
report-plan-intro = 每一行都是一条纠正措施模板：问题来自演练中未达成的最佳实践检查或错过的时限，纠正措施根据情景的经验教训提出。请与负责单位商定每项措施，指定联系人，确定日期，并在空白行中补充即时复盘中提出的问题。

## Executive summary (src/report/html/summary.rs, src/report/markdown/summary.rs)
report-ended-by-facilitator = 由主持人结束
report-ended-by-facilitator-reason = 由主持人结束：{ $reason }
report-ending = 结局
report-reached-at = 到达时间：{ $when }
report-not-reached = 尚未到达
report-in-progress-at = 演练在 { $when } 时仍在进行。
report-md-ending = **结局：**{ $title }（到达时间：{ $when }{ $by }）
report-md-not-reached = **结局：**尚未到达（演练在 { $offset } 时仍在进行）。
report-evaluation = 评估
report-col-objective = 目标
report-col-rating = 评估员评级
report-col-note = 评估员备注
report-col-suggested = 建议
report-col-evidence = 证据
report-linked-met = { $n } 项关联检查中达成 { $met } 项
report-decisive = 最关键的决策
report-skill-luck = 能力与运气。
report-key-figures = 关键数据
