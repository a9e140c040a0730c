# %postun: reload units; on the last removal remove the service's directories if empty.
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
fi
if [ "$1" -eq 0 ]; then
    rmdir /var/lib/parley 2>/dev/null || :
    rmdir /etc/parley 2>/dev/null || :
fi
