#!/usr/bin/python3
"""Runs a program under the sandbox a systemd unit asks for, without systemd.

    Deploy/sandbox-run.py Deploy/flowlinks.service PROGRAM [ARGUMENT...]

Deploy/check.sh uses it to prove that FlowLinks still works under its unit's restrictions:
it reads the unit's SystemCallFilter= lines (expanding @groups with `systemd-analyze
syscall-filter`), RestrictAddressFamilies= and SystemCallErrorNumber=, then sets
NoNewPrivileges, the kernel's memory-deny-write-execute (what MemoryDenyWriteExecute= does
with seccomp) and a seccomp filter of the same system calls, and runs PROGRAM. Needs the
python3-seccomp package and Linux 6.3 or later (PR_SET_MDWE).
"""
import ctypes
import errno
import os
import socket
import subprocess
import sys

import seccomp

PR_SET_NO_NEW_PRIVS = 38
PR_SET_MDWE = 65
PR_MDWE_REFUSE_EXEC_GAIN = 1


def unit_settings(path):
    """The [Service] settings of a unit file, each name with the list of its values."""
    settings = {}
    with open(path) as unit:
        for line in unit:
            line = line.strip()
            if not line or line.startswith(("#", ";", "[")) or "=" not in line:
                continue
            name, value = line.split("=", 1)
            settings.setdefault(name, []).append(value)
    return settings


def system_calls(group):
    """The system calls of a systemd @group, with nested groups expanded."""
    listing = subprocess.run(
        ["systemd-analyze", "syscall-filter", group], capture_output=True, text=True, check=True
    ).stdout
    calls = set()
    for line in listing.splitlines()[1:]:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        calls |= system_calls(line) if line.startswith("@") else {line}
    return calls


def allowed_system_calls(filters):
    """What SystemCallFilter= lines allow: the first sets the list, later ones add or remove (~)."""
    allowed = set()
    for value in filters:
        remove = value.startswith("~")
        names = set()
        for name in value.lstrip("~").split():
            names |= system_calls(name) if name.startswith("@") else {name}
        allowed = allowed - names if remove else allowed | names
    return allowed


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    settings = unit_settings(sys.argv[1])
    allowed = allowed_system_calls(settings.get("SystemCallFilter", []))
    if not allowed:
        sys.exit(f"{sys.argv[1]}: no SystemCallFilter= allow list to apply")
    refusal = getattr(errno, settings.get("SystemCallErrorNumber", ["EPERM"])[-1])
    families = [
        getattr(socket, family)
        for value in settings.get("RestrictAddressFamilies", [])
        for family in value.split()
    ]

    sandbox = seccomp.SyscallFilter(defaction=seccomp.ERRNO(refusal))
    for name in sorted(allowed):
        if name == "socket" and families:
            continue
        try:
            sandbox.add_rule(seccomp.ALLOW, name)
        except (RuntimeError, ValueError):
            pass  # why: the list names calls that this architecture does not have
    for family in families:
        sandbox.add_rule(seccomp.ALLOW, "socket", seccomp.Arg(0, seccomp.EQ, int(family)))

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        sys.exit("cannot set no_new_privs")
    if settings.get("MemoryDenyWriteExecute", ["no"])[-1] == "yes":
        if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
            sys.exit("this kernel has no PR_SET_MDWE (Linux 6.3 or later needed)")
    sandbox.load()
    os.execv(sys.argv[2], sys.argv[2:])


if __name__ == "__main__":
    main()
