# %preun: on the last removal ($1 = 0), stop and disable parley-serve.service.
if [ "$1" -eq 0 ] && [ -d /run/systemd/system ]; then
    systemctl disable --now parley-serve.service >/dev/null 2>&1 || :
fi
