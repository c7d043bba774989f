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
