"""Run several commands as one: started together, stopped together.

`make run` uses it for the dev server, the task worker and the scheduler. Ctrl-C (SIGINT) or
SIGTERM stops every child; if one child exits on its own, the others are stopped too, and the
supervisor exits with that child's status (so a crashed worker is never silently missing).

    python -m portal.supervisor "manage.py runserver" "manage.py db_worker" ..."""

import shlex
import signal
import subprocess
import sys
import time

STOP_GRACE_SECONDS = 10


def stop_all(procs):
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for proc in procs:
        try:
            proc.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run(commands):
    procs = [subprocess.Popen(shlex.split(command)) for command in commands]
    stopping = []

    def on_signal(signum, frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        while not stopping:
            exited = [proc for proc in procs if proc.poll() is not None]
            if exited:
                print(
                    f"supervisor: {shlex.join(exited[0].args)} exited ({exited[0].returncode});"
                    " stopping the others",
                    file=sys.stderr,
                )
                return exited[0].returncode or 1
            time.sleep(0.2)
        return 0
    finally:
        stop_all(procs)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
