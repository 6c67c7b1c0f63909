"""Drives the interactive console through a pseudo-terminal, as a user at a terminal would.

Prints one TAP-style line per check ("ok N - what" / "not ok N - what").
Usage: pty_session.py ROSCERT DATA_DIR
"""
import os
import pty
import re
import select
import sys
import time

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
PROMPT = "[admin@RosCert] /certificate> "


class Terminal:
    mark = 0  # output before this offset was already matched

    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(argv[0], argv, env)
        self.seen = ""

    def send(self, text):
        os.write(self.fd, text.encode())

    def read_until(self, needle, timeout=60):
        """Reads output (escape sequences removed) until needle appears after the last match."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if needle in self.seen[self.mark:]:
                return True
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536).decode(errors="replace")
                except OSError:
                    break
                self.seen += ANSI.sub("", chunk.replace("\r", ""))
        return needle in self.seen[self.mark:]

    def expect(self, needle, timeout=60):
        found = self.read_until(needle, timeout)
        if found:
            self.mark = self.seen.index(needle, self.mark) + len(needle)
        return found

    def wait(self, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            self.read_until("\x00", 0.2)
        os.kill(self.pid, 9)
        return None


def main():
    roscert, data = sys.argv[1], sys.argv[2]
    env = dict(os.environ, TERM="xterm", COLUMNS="120")
    term = Terminal([roscert, "--data-dir", data], env)
    checks = []

    def check(what, passed):
        checks.append((what, passed))
        print(("ok" if passed else "not ok") + f" {len(checks)} - {what}", flush=True)

    check("the prompt names the user, the identity and /certificate", term.expect(PROMPT, timeout=300))

    term.send("pri\t")
    check("Tab completes a command name", term.expect(PROMPT + "print "))
    term.send("count-only\r")
    check("Enter runs the line", term.expect("\n0\n"))

    term.expect(PROMPT)
    term.send("add key-s?")
    check("? lists what fits at the cursor with one-line help", term.expect("key-size=") and term.expect("RSA modulus bits or EC curve"))
    term.send("\x15")  # Ctrl-U clears the line

    term.send("add name=tmpl common-name=server key-size=prime2\t")
    check("Tab completes an enum value", term.expect("key-size=prime256v1"))
    term.send("\r")
    term.expect(PROMPT)

    term.send("\x1b[A")  # Up arrow recalls the last line
    check("Up recalls history", term.expect("add name=tmpl common-name=server key-size=prime256v1"))
    term.send("\x15print count-only\r")
    check("the recalled line was cleared and the template was added", term.expect("\n1\n"))

    term.expect(PROMPT)
    term.send("remove tm\t")
    check("Tab completes an item name", term.expect("remove tmpl"))
    term.send("\x15foo\r")
    check("errors are RouterOS texts", term.expect("bad command name foo (line 1 column 1)"))

    term.expect(PROMPT)
    term.send(":if (1=1) do={\r:put \"inside\"\r}\r")
    check("a brace left open continues on the next line", term.expect("inside\n"))

    term.expect(PROMPT)
    term.send("sign tmpl\r")
    term.expect("progress: done")
    term.expect(PROMPT)
    term.send("export-certificate tmpl export-passphrase=secret\r")
    term.expect(PROMPT)
    term.send("import file-name=cert_export_tmpl.key\r")
    check("import asks for the passphrase of an encrypted file", term.expect("passphrase: "))
    term.send("secret\r")
    answered = term.mark
    decrypted = term.expect("decryption-failures: 0")
    check("the passphrase is not echoed and decrypts the key", decrypted and "secret" not in term.seen[answered:term.mark])

    term.expect(PROMPT)
    term.send("\x04")  # Ctrl-D on an empty line ends the session
    check("Ctrl-D ends the session with status 0", term.wait() == 0)
    return 0 if all(passed for _, passed in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
