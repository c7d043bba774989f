# The seats: the web seat page (assets/web) and the SSH seat screen (src/host).
