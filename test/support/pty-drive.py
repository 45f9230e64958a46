"""Runs a command in a pseudo-terminal of a given size and drives it with keystrokes.

Usage: pty-drive.py COLUMNS ROWS STEPS_JSON -- COMMAND...
STEPS_JSON is a list of {"wait": text} (wait until the screen output, escape codes removed,
shows text after the previous match) and {"send": keys}. Prints one JSON object:
{"output": raw output, "status": exit status, "error": what went wrong or null}.
Only the standard library: no native module to build.
"""
import fcntl, json, os, pty, re, select, struct, sys, termios, time

ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
TIMEOUT = 60.0


def main():
    cols, rows, steps = int(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
    command = sys.argv[sys.argv.index("--") + 1 :]
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execvp(command[0], command)
    raw = b""
    seen = 0
    error = None

    def read(timeout):
        nonlocal raw
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
        return True

    for step in steps:
        if "send" in step:
            os.write(fd, step["send"].encode())
            continue
        deadline = time.time() + TIMEOUT
        while True:
            text = ANSI.sub("", raw.decode("utf-8", "replace"))
            at = text.find(step["wait"], seen)
            if at >= 0:
                seen = at + len(step["wait"])
                break
            if time.time() > deadline or not read(0.2):
                error = "timed out waiting for %r" % step["wait"]
                break
        if error:
            break
    if error:
        os.kill(pid, 15)
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready and not read(0):
            break
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            while read(0.1) and select.select([fd], [], [], 0)[0]:
                pass
            print(json.dumps({"output": raw.decode("utf-8", "replace"), "status": os.waitstatus_to_exitcode(_), "error": error}))
            return
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"output": raw.decode("utf-8", "replace"), "status": os.waitstatus_to_exitcode(status), "error": error}))


main()
