# Downtime's facilitator console, presenter and SSH seats (src/tui, src/host/ssh_screen.rs).
