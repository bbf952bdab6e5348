#!/usr/bin/env python3
"""End-to-end: `practicebook serve` as a policy team previews an edit — live rebuilds, the error banner
on a bad edit, pages reloading, requests kept inside the site, and a clean stop on Ctrl-C — and as
something on the same machine might attack it: other host names, dot files, folders it did not build,
many open pages and slow clients."""
import argparse
import html
import http.client
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

ARGS = None
SECTION_FILE = "models/ar-at-one-table-2023/sections/01-relationships.yaml"
SECTION_URL = "/models/ar-at-one-table-2023/relationships/"
EVENTS = "/__practicebook/events"
BANNER = 'id="practicebook-build-errors"'
# How long to wait for an edit to show (waits end as soon as it does). A build of content/ takes 0.1 s
# alone but over 2 s on a machine busy with other builds, so the bound is generous.
REBUILD_SECONDS = float(os.environ.get("PB_SERVE_REBUILD_SECONDS", "10"))


class Server:
    """`practicebook serve` on a copy of the content, with its output read on a thread."""

    def __init__(self, tmp):
        self.content = os.path.join(tmp, "content")
        self.site = os.path.join(tmp, "site")
        shutil.copytree(ARGS.content, self.content)
        self.proc = subprocess.Popen(
            [ARGS.binary, "serve", "--content", self.content, "--out", self.site, "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines, self._urls = [], queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        try:
            self.url = self._urls.get(timeout=60)
        except queue.Empty:
            self.proc.kill()
            raise AssertionError("serve printed no URL:\n" + self.output())
        self.port = int(re.fullmatch(r"http://127\.0\.0\.1:(\d+)/", self.url).group(1))

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                self._urls.put(found.group(0))

    def output(self):
        return "\n".join(self.lines)

    def wait_for_output(self, pattern, seconds=REBUILD_SECONDS):
        """True once a line matching `pattern` was printed: lines reach the reader thread a moment late."""
        return bool(wait_for(lambda: re.search(pattern, self.output()), seconds))

    def get(self, path, method="GET", host=None, timeout=10):
        """Sends `path` exactly as given (no normalisation); returns (status, headers, body)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, headers={"Host": host} if host else {})
            resp = conn.getresponse()
            return resp.status, resp.headers, resp.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def interrupt(self):
        """Ctrl-C; returns the exit status, or None when it did not stop within 5 s."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None
        finally:
            self._reader.join(timeout=5)
            self.proc.stdout.close()


def edit(path, change):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(change(text))


def wait_for(predicate, seconds=REBUILD_SECONDS):
    """Polls until predicate() returns something true; returns it, or None after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def banner_of(page):
    """The error banner's text, or None when the page has none."""
    found = re.search(r'<div ' + re.escape(BANNER) + r'.*?</div>', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(0))) if found else None


class Serve(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pb-serve-")
        self.server = Server(self.tmp)

    def tearDown(self):
        self.server.interrupt()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_serves_the_site_with_types_and_no_caching(self):
        s = self.server
        status, headers, body = s.get("/")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/html"))
        with open(os.path.join(s.site, "index.html"), encoding="utf-8") as f:
            title = re.search(r"<title>.*?</title>", f.read(), re.S).group(0)
        self.assertIn(title, body)
        self.assertEqual(headers["Cache-Control"], "no-store")
        self.assertIn(EVENTS, body)  # the reload script, added as the page is sent
        self.assertIsNone(banner_of(body))
        for path, type_ in (("/assets/style.css", "text/css"), ("/search-index.js", "text/javascript"),
                            ("/models/ar-at-one-table-2023/model.json", "application/json"),
                            ("/sitemap.xml", "application/xml"), (SECTION_URL + "index.html", "text/html")):
            status, headers, body = s.get(path)
            self.assertEqual(status, 200, path)
            self.assertTrue(headers["Content-Type"].startswith(type_), (path, headers["Content-Type"]))
            self.assertEqual(headers["Cache-Control"], "no-store")
            self.assertEqual(EVENTS in body, type_ == "text/html", path)

        status, headers, _ = s.get(SECTION_URL.rstrip("/"))  # pretty URLs need the slash
        self.assertEqual(status, 301)
        self.assertTrue(headers["Location"].endswith(SECTION_URL), headers["Location"])
        status, _, body = s.get("/no/such/page/")
        self.assertEqual(status, 404)
        self.assertIn("Page not found", body)  # the site's own 404.html

    def test_edits_rebuild_show_errors_in_a_banner_and_keep_the_last_good_site(self):
        s = self.server
        section = os.path.join(s.content, SECTION_FILE)
        events = EventStream(s.port)
        first = events.next()

        # A good edit: the section page shows it, and open pages are told to reload.
        marker = "Livepreview7421 marker."
        edit(section, lambda t: re.sub(r"(?m)^(\s*- text: .*)$", r"\1 " + marker, t, count=1))
        page = wait_for(lambda: (lambda b: b if marker in b else None)(s.get(SECTION_URL)[2]))
        self.assertIsNotNone(page, f"the edit did not show within {REBUILD_SECONDS} s\n" + s.output())
        self.assertNotEqual(events.next(), first)
        self.assertTrue(s.wait_for_output(r"rebuilt \d+ pages in [\d.]+ ms"), s.output())

        # A bad edit: the last good page is still served, with every error in a banner at the top.
        edit(section, lambda t: "itmes: x\n" + t)
        page = wait_for(lambda: (lambda b: b if BANNER in b else None)(s.get(SECTION_URL)[2]))
        self.assertIsNotNone(page, f"no error banner within {REBUILD_SECONDS} s\n" + s.output())
        self.assertIn(marker, page)
        self.assertRegex(page, r"<body[^>]*>\s*<div " + re.escape(BANNER) + r' role="alert"')
        self.assertIn(f"{section}:1:1: error: unknown key 'itmes'", banner_of(page))
        self.assertTrue(s.wait_for_output(re.escape(f"{section}:1:1: error: unknown key 'itmes'")), s.output())
        self.assertTrue(s.wait_for_output("build failed; serving the last good site"), s.output())
        status, _, home = s.get("/")
        self.assertEqual(status, 200)
        self.assertIn(BANNER, home)  # on every page

        # Fixed: the banner goes.
        edit(section, lambda t: t.replace("itmes: x\n", "", 1))
        page = wait_for(lambda: (lambda b: b if BANNER not in b else None)(s.get(SECTION_URL)[2]))
        self.assertIsNotNone(page, "the banner stayed after the fix\n" + s.output())
        self.assertIn(marker, page)
        events.close()

    def test_a_content_folder_deleted_and_restored_is_still_watched(self):
        s = self.server
        backup = os.path.join(self.tmp, "content-backup")
        shutil.copytree(s.content, backup)
        shutil.rmtree(s.content)
        page = wait_for(lambda: (lambda b: b if BANNER in b else None)(s.get("/")[2]))
        self.assertIsNotNone(page, "deleting the content folder showed no error\n" + s.output())

        shutil.copytree(backup, s.content)
        page = wait_for(lambda: (lambda b: b if BANNER not in b else None)(s.get("/")[2]))
        self.assertIsNotNone(page, "restoring the content folder did not rebuild\n" + s.output())
        marker = "Restoredwatch5310 marker."
        edit(os.path.join(s.content, SECTION_FILE),
             lambda t: re.sub(r"(?m)^(\s*- text: .*)$", r"\1 " + marker, t, count=1))
        page = wait_for(lambda: (lambda b: b if marker in b else None)(s.get(SECTION_URL)[2]))
        self.assertIsNotNone(page, "an edit after the restore did not rebuild\n" + s.output())

    def test_requests_cannot_leave_the_site(self):
        s = self.server
        secret = os.path.join(self.tmp, "secret.txt")
        with open(secret, "w", encoding="utf-8") as f:
            f.write("TOP-SECRET-CONTENT")
        os.symlink(secret, os.path.join(s.site, "leak.html"))
        os.symlink(self.tmp, os.path.join(s.site, "outside"))
        for path in ("/../", "/..", "/%2e%2e/etc/passwd", "/models/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                     "/models/../../../etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/..%2f..%2fetc/passwd",
                     "/models%2f..%2f..%2f..%2fetc%2fpasswd", "/index.html%00.css", "/%00",
                     "/leak.html", "/outside/secret.txt", "/outside/content/site.yaml"):
            status, _, body = s.get(path)
            self.assertIn(status, (403, 404), path)
            self.assertNotIn("root:", body, path)
            self.assertNotIn("TOP-SECRET-CONTENT", body, path)

    def test_answers_only_requests_for_its_own_host_name(self):
        s = self.server
        for host in (f"127.0.0.1:{s.port}", f"localhost:{s.port}", f"[::1]:{s.port}", f"LocalHost:{s.port}"):
            self.assertEqual(s.get("/", host=host)[0], 200, host)
        # A page on another site whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own
        # name; so do look-alikes.
        other_port = s.port % 65535 + 1
        for host in ("attacker.example", f"attacker.example:{s.port}", f"localhost.attacker.example:{s.port}",
                     f"127.0.0.1:{s.port}.attacker.example", f"127.0.0.1:{other_port}", "127.0.0.1", ""):
            for path in ("/", SECTION_URL, "/assets/style.css", EVENTS, "/no/such/page/"):
                if host:
                    status, _, body = s.get(path, host=host)
                else:  # none at all
                    status, body = raw_status_and_body(s.port, f"GET {path} HTTP/1.0\r\n\r\n")
                self.assertEqual(status, 403, (host, path))
                self.assertNotIn("<title>", body, (host, path))

    def test_never_serves_dot_files(self):
        s = self.server
        os.makedirs(os.path.join(s.site, ".git"))
        for name in (".git/config", ".env", "assets/.secret"):
            with open(os.path.join(s.site, name), "w", encoding="utf-8") as f:
                f.write("HIDDEN-FILE-CONTENT")
        for path in ("/.practicebook", "/.git/config", "/.git/", "/.env", "/assets/.secret", "/%2Eenv",
                     "/assets/%2esecret", "/./.env", "/models/../.env"):
            status, _, body = s.get(path)
            self.assertEqual(status, 404, path)
            self.assertNotIn("HIDDEN-FILE-CONTENT", body, path)
            self.assertNotIn("Built by Practicebook", body, path)

    def test_a_rebuild_swaps_in_with_no_moment_of_404(self):
        s = self.server
        # The build moves site/ aside and puts the new one in its place; pages must not depend on that
        # moment. Here the moment is made long: site/ is gone altogether.
        shutil.rmtree(s.site)
        for path in ("/", SECTION_URL, "/assets/style.css"):
            self.assertEqual(s.get(path)[0], 200, path)

        # And while rebuilds land one after another, every request gets its page.
        statuses, stop = [], threading.Event()

        def keep_asking():
            while not stop.is_set():
                statuses.append(s.get(SECTION_URL)[0])
                time.sleep(0.01)

        askers = [threading.Thread(target=keep_asking) for _ in range(3)]
        for t in askers:
            t.start()
        try:
            section = os.path.join(s.content, SECTION_FILE)
            for i in range(5):
                marker = f"Swapmarker{i}x."
                edit(section, lambda t: re.sub(r"(?m)^(\s*- text: .*?)( Swapmarker\dx\.)?$", r"\1 " + marker, t,
                                               count=1))
                # The askers compete with the build for the processor.
                page = wait_for(lambda: (lambda b: b if marker in b else None)(s.get(SECTION_URL)[2]),
                                REBUILD_SECONDS * 3)
                self.assertIsNotNone(page, f"rebuild {i} did not show within {REBUILD_SECONDS * 3} s\n" + s.output())
        finally:
            stop.set()
            for t in askers:
                t.join(timeout=15)
        self.assertGreater(len(statuses), 10)
        self.assertEqual(set(statuses), {200})

    def test_reload_streams_and_slow_clients_do_not_starve_pages(self):
        s = self.server
        request = f"GET {EVENTS} HTTP/1.1\r\nHost: 127.0.0.1:{s.port}\r\nAccept: text/event-stream\r\n\r\n"
        streams, slow = [], []
        try:
            for _ in range(40):  # forty open pages waiting for a reload
                streams.append(socket.create_connection(("127.0.0.1", s.port), timeout=5))
                streams[-1].sendall(request.encode())
            for _ in range(40):  # forty clients that begin a request and never finish it
                slow.append(socket.create_connection(("127.0.0.1", s.port), timeout=5))
                slow[-1].sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{s.port}\r\n".encode())
            started = time.monotonic()
            try:
                status, _, body = s.get(SECTION_URL, timeout=1)
            except (TimeoutError, socket.timeout):
                self.fail("no page within a second")
            self.assertEqual(status, 200)
            self.assertLess(time.monotonic() - started, 1)

            # Every page got an answer at once; past a bound, that it will not be told to reload.
            answers = [status_line(sock, timeout=2) for sock in streams]
            self.assertTrue(all(a in (200, 503) for a in answers), answers)
            self.assertIn(503, answers)
            # A client that never finishes its request is let go.
            self.assertTrue(closed_within(slow[0], seconds=4), "a half-sent request held its connection")
        finally:
            for sock in streams + slow:
                sock.close()

    def test_invalid_yaml_keeps_the_last_good_site_with_the_error_in_the_banner(self):
        s = self.server
        section = os.path.join(s.content, SECTION_FILE)
        with open(os.path.join(s.site, "index.html"), "rb") as f:
            home_on_disk = f.read()
        good = s.get(SECTION_URL)[2]
        edit(section, lambda t: t + "\n  - text: [this list is never closed\n")
        page = wait_for(lambda: (lambda b: b if BANNER in b else None)(s.get(SECTION_URL)[2]))
        self.assertIsNotNone(page, f"no error banner within {REBUILD_SECONDS} s\n" + s.output())
        self.assertIn(section, banner_of(page))
        self.assertEqual(without_live_additions(page), without_live_additions(good))
        for path in ("/", "/assets/style.css", "/models/ar-at-one-table-2023/"):
            self.assertEqual(s.get(path)[0], 200, path)
        with open(os.path.join(s.site, "index.html"), "rb") as f:
            self.assertEqual(f.read(), home_on_disk)

    def test_listens_on_127_0_0_1_only(self):
        s = self.server
        addresses = listening_addresses(s.port)
        self.assertEqual(addresses, {"127.0.0.1"})
        with self.assertRaises(OSError):  # another loopback address of this host is not served
            socket.create_connection(("127.0.0.2", s.port), timeout=2).close()

    def test_closed_reload_streams_free_their_places_at_once(self):
        # Staff click from page to page: each page opens a stream and closes it when they leave. Every
        # place for a stream taken, then every page left: a page opened two seconds later is still
        # told of rebuilds (the places were freed only by a write every 15 s: 503 until then).
        s = self.server
        request = f"GET {EVENTS} HTTP/1.1\r\nHost: 127.0.0.1:{s.port}\r\nAccept: text/event-stream\r\n\r\n"
        left = []
        for _ in range(40):
            sock = socket.create_connection(("127.0.0.1", s.port), timeout=5)
            sock.sendall(request.encode())
            left.append(sock)
        answers = [status_line(sock, timeout=2) for sock in left]
        self.assertIn(503, answers, "the streams did not fill every place")
        for sock in left:
            sock.close()
        time.sleep(2.5)
        sock = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        try:
            sock.sendall(request.encode())
            self.assertEqual(status_line(sock, timeout=2), 200, "a page 2.5 s after the others left")
        finally:
            sock.close()

    def test_a_second_server_on_the_same_port_is_refused(self):
        other = os.path.join(self.tmp, "other")
        shutil.copytree(ARGS.content, os.path.join(other, "content"))
        second = subprocess.run(
            [ARGS.binary, "serve", "--content", os.path.join(other, "content"), "--out", os.path.join(other, "site"),
             "--port", str(self.server.port)], capture_output=True, text=True, timeout=60)
        self.assertEqual(second.returncode, 2, second.stdout + second.stderr)
        self.assertIn(f"cannot listen on 127.0.0.1:{self.server.port}", second.stdout + second.stderr)

    def test_the_built_site_has_no_reload_script(self):
        s = self.server
        self.assertIn(EVENTS, s.get("/")[2])
        for root, _, files in os.walk(s.site):
            for name in files:
                with open(os.path.join(root, name), "rb") as f:
                    self.assertNotIn(EVENTS.encode(), f.read(), os.path.join(root, name))

    def test_ctrl_c_stops_it_with_status_0(self):
        events = EventStream(self.server.port)  # an open page must not keep it running
        events.next()
        started = time.monotonic()
        self.assertEqual(self.server.interrupt(), 0, self.server.output())
        self.assertLess(time.monotonic() - started, 5)
        events.close()


class OutputFolder(unittest.TestCase):
    """What `serve --out` does before it serves anything: a folder Practicebook did not build is refused
    before anything is built or served; copies left by a killed serve are removed."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pb-serve-")
        self.content = os.path.join(self.tmp, "content")
        shutil.copytree(ARGS.content, self.content)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def serve(self, out):
        proc = subprocess.Popen([os.path.abspath(ARGS.binary), "serve", "--content", "content", "--out", out,
                                 "--port", "0"],
                                cwd=self.tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            output, _ = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
        return proc.returncode, output

    def test_refuses_the_current_folder(self):
        status, output = self.serve(".")
        self.assertEqual(status, 1, output)
        self.assertIn("was not built by Practicebook", output)
        self.assertNotIn("Serving", output)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["content"])

    def test_refuses_a_folder_of_user_files(self):
        for name in ("plan.txt", "README.md"):
            notes = os.path.join(self.tmp, "notes-" + name)
            os.makedirs(notes)
            with open(os.path.join(notes, name), "w", encoding="utf-8") as f:
                f.write("my own notes")
            status, output = self.serve("notes-" + name)
            self.assertEqual(status, 1, output)
            self.assertIn(f"notes-{name} was not built by Practicebook", output)
            self.assertNotIn("Serving", output)
            self.assertEqual(os.listdir(notes), [name])

    def test_removes_the_copies_a_killed_serve_left(self):
        tmp = tempfile.mkdtemp(prefix="pb-serve-")
        try:
            stale = os.path.join(tmp, "site.tmp-serve-999999999")  # no such process
            os.makedirs(os.path.join(stale, "1"))
            os.symlink("1", os.path.join(stale, "current"))
            server = Server(tmp)
            try:
                self.assertFalse(os.path.exists(stale))
                self.assertEqual(server.get("/")[0], 200)
            finally:
                self.assertEqual(server.interrupt(), 0, server.output())
            self.assertEqual(sorted(os.listdir(tmp)), ["content", "site"])  # its own copies are gone too
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def raw_status_and_body(port, request):
    """Sends `request` as bytes; returns (status, body) of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request.encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


def status_line(sock, timeout):
    """The status code a socket's response begins with, or None when none came within `timeout` s."""
    sock.settimeout(timeout)
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = sock.recv(1024)
            if not chunk:
                break
            data += chunk
    except (TimeoutError, socket.timeout):
        return None
    parts = data.split()
    return int(parts[1]) if len(parts) > 1 else None


def closed_within(sock, seconds):
    """True when the server closes `sock` within `seconds` (whatever it sends before)."""
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            sock.settimeout(max(deadline - time.monotonic(), 0.01))
            if not sock.recv(65536):
                return True
    except (TimeoutError, socket.timeout):
        return False
    except OSError:  # reset
        return True
    return False


def without_live_additions(page):
    page = re.sub(r'<div ' + re.escape(BANNER) + r'.*?</div>\n', "", page, flags=re.S)
    return re.sub(r"<script>/\* added by practicebook serve \*/.*?</script>\n", "", page, flags=re.S)


class EventStream:
    """A page's connection to the live-reload events; next() returns the data of the next event."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        self.conn.request("GET", EVENTS, headers={"Accept": "text/event-stream"})
        self.resp = self.conn.getresponse()
        assert self.resp.status == 200
        assert self.resp.headers["Content-Type"].startswith("text/event-stream")

    def next(self):
        while True:
            line = self.resp.readline().decode()
            if not line:
                raise AssertionError("the event stream ended")
            if line.startswith("data:"):
                return line[5:].strip()

    def close(self):
        self.conn.close()


def listening_addresses(port):
    """The local addresses of the TCP sockets listening on `port`, from /proc/net/tcp and tcp6."""
    found = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(name):
            continue
        with open(name, encoding="ascii") as f:
            for row in list(f)[1:]:
                local, state = row.split()[1], row.split()[3]
                address, hex_port = local.split(":")
                if state != "0A" or int(hex_port, 16) != port:  # 0A: LISTEN
                    continue
                if len(address) == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]))
                else:
                    words = bytes.fromhex(address)
                    raw = b"".join(words[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, raw))
    return found


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--content", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
