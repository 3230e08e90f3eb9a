package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"time"
)

// browser is a headless Chromium driven through the DevTools protocol over its
// WebSocket, with the standard library only: enough to open pages, run a line of
// script in them and take screenshots.
type browser struct {
	cmd  *exec.Cmd
	conn net.Conn
	rd   *bufio.Reader
	mu   sync.Mutex
	id   int
}

var devtoolsURL = regexp.MustCompile(`DevTools listening on (ws://\S+)`)

// startBrowser starts bin headless with a fresh profile in dir and connects to its
// first page.
func startBrowser(ctx context.Context, bin, dir string) (*browser, error) {
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--hide-scrollbars", "--remote-debugging-port=0", "--window-size=1200,1600",
		"--user-data-dir="+dir, "about:blank")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	b := &browser{cmd: cmd}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			if m := devtoolsURL.FindStringSubmatch(sc.Text()); m != nil && !sent {
				found <- m[1]
				sent = true
			}
		}
		if !sent {
			close(found)
		}
	}()
	var ws string
	select {
	case u, ok := <-found:
		if !ok {
			b.close()
			return nil, errors.New("chromium printed no DevTools address")
		}
		ws = u
	case <-time.After(60 * time.Second):
		b.close()
		return nil, errors.New("chromium did not start in 60 s")
	}
	// The page targets: /json/list on the DevTools port.
	u, err := url.Parse(ws)
	if err != nil {
		b.close()
		return nil, err
	}
	var targets []struct {
		Type, WebSocketDebuggerURL string
	}
	for try := 0; try < 50; try++ {
		res, err := http.Get("http://" + u.Host + "/json/list")
		if err == nil {
			err = json.NewDecoder(res.Body).Decode(&targets)
			res.Body.Close()
		}
		if err == nil && len(targets) > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	page := ""
	for _, t := range targets {
		if t.Type == "page" {
			page = t.WebSocketDebuggerURL
			break
		}
	}
	if page == "" {
		b.close()
		return nil, errors.New("chromium has no page target")
	}
	if err := b.dial(page); err != nil {
		b.close()
		return nil, err
	}
	return b, nil
}

func (b *browser) close() {
	if b.conn != nil {
		// Closing the browser through the protocol ends its helper processes too.
		done := make(chan struct{})
		go func() {
			b.call("Browser.close", map[string]any{})
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
		}
		b.conn.Close()
		exited := make(chan struct{})
		go func() { b.cmd.Wait(); close(exited) }()
		select {
		case <-exited:
			return
		case <-time.After(10 * time.Second):
		}
	}
	if b.cmd.Process != nil {
		b.cmd.Process.Kill()
	}
	b.cmd.Wait()
}

// dial opens the WebSocket of a DevTools target (RFC 6455 client handshake).
func (b *browser) dial(ws string) error {
	u, err := url.Parse(ws)
	if err != nil {
		return err
	}
	conn, err := net.DialTimeout("tcp", u.Host, 10*time.Second)
	if err != nil {
		return err
	}
	var key [16]byte
	rand.Read(key[:])
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n",
		u.RequestURI(), u.Host, base64.StdEncoding.EncodeToString(key[:]))
	rd := bufio.NewReader(conn)
	res, err := http.ReadResponse(rd, nil)
	if err != nil {
		conn.Close()
		return err
	}
	if res.StatusCode != http.StatusSwitchingProtocols {
		conn.Close()
		return fmt.Errorf("websocket handshake: %s", res.Status)
	}
	b.conn, b.rd = conn, rd
	return nil
}

// send writes one masked text frame.
func (b *browser) send(p []byte) error {
	hdr := []byte{0x81}
	switch n := len(p); {
	case n < 126:
		hdr = append(hdr, 0x80|byte(n))
	case n < 1<<16:
		hdr = append(hdr, 0x80|126, byte(n>>8), byte(n))
	default:
		hdr = append(hdr, 0x80|127)
		hdr = binary.BigEndian.AppendUint64(hdr, uint64(n))
	}
	var mask [4]byte
	rand.Read(mask[:])
	hdr = append(hdr, mask[:]...)
	body := make([]byte, len(p))
	for i := range p {
		body[i] = p[i] ^ mask[i%4]
	}
	_, err := b.conn.Write(append(hdr, body...))
	return err
}

// recv reads one message (joining continuation frames; answering pings).
func (b *browser) recv() ([]byte, error) {
	var msg []byte
	for {
		var h [2]byte
		if _, err := io.ReadFull(b.rd, h[:]); err != nil {
			return nil, err
		}
		op, fin := h[0]&0x0f, h[0]&0x80 != 0
		n := uint64(h[1] & 0x7f)
		switch n {
		case 126:
			var x [2]byte
			if _, err := io.ReadFull(b.rd, x[:]); err != nil {
				return nil, err
			}
			n = uint64(binary.BigEndian.Uint16(x[:]))
		case 127:
			var x [8]byte
			if _, err := io.ReadFull(b.rd, x[:]); err != nil {
				return nil, err
			}
			n = binary.BigEndian.Uint64(x[:])
		}
		if n > 64<<20 {
			return nil, errors.New("websocket frame too large")
		}
		p := make([]byte, n)
		if _, err := io.ReadFull(b.rd, p); err != nil {
			return nil, err
		}
		switch op {
		case 0x8:
			return nil, io.EOF
		case 0x9, 0xA:
			continue
		}
		msg = append(msg, p...)
		if fin {
			return msg, nil
		}
	}
}

// call sends a DevTools command and returns its result, skipping events.
func (b *browser) call(method string, params any) (json.RawMessage, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.id++
	id := b.id
	p, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return nil, err
	}
	b.conn.SetDeadline(time.Now().Add(60 * time.Second))
	if err := b.send(p); err != nil {
		return nil, err
	}
	for {
		m, err := b.recv()
		if err != nil {
			return nil, err
		}
		var r struct {
			ID     int
			Result json.RawMessage
			Error  *struct{ Message string }
		}
		if err := json.Unmarshal(m, &r); err != nil {
			return nil, err
		}
		if r.ID != id {
			continue // an event
		}
		if r.Error != nil {
			return nil, fmt.Errorf("%s: %s", method, r.Error.Message)
		}
		return r.Result, nil
	}
}

// eval evaluates a JavaScript expression in the page and returns its value as a
// string (JSON for objects).
func (b *browser) eval(expr string) (string, error) {
	res, err := b.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true})
	if err != nil {
		return "", err
	}
	var r struct {
		Result struct {
			Value json.RawMessage
		}
		ExceptionDetails *struct{ Text string }
	}
	if err := json.Unmarshal(res, &r); err != nil {
		return "", err
	}
	if r.ExceptionDetails != nil {
		return "", fmt.Errorf("%s: %s", expr, r.ExceptionDetails.Text)
	}
	var s string
	if json.Unmarshal(r.Result.Value, &s) == nil {
		return s, nil
	}
	return string(r.Result.Value), nil
}

// waitFor polls the page until expr is true, for up to 30 s.
func (b *browser) waitFor(expr string) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		v, err := b.eval("!!(" + expr + ")")
		if err == nil && v == "true" {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("timed out waiting for %s", expr)
}

// open navigates to u and waits until the new page has loaded.
func (b *browser) open(u string) error {
	if _, err := b.eval("window.__old = true"); err != nil {
		return err
	}
	if _, err := b.call("Page.navigate", map[string]any{"url": u}); err != nil {
		return err
	}
	return b.waitFor(`!window.__old && document.readyState === "complete"`)
}

// click clicks the element of selector (submitting its form, following its link) and
// waits for the next page.
func (b *browser) click(selector string) error {
	if _, err := b.eval("window.__old = true"); err != nil {
		return err
	}
	q, _ := json.Marshal(selector)
	if _, err := b.eval("document.querySelector(" + string(q) + ").click()"); err != nil {
		return err
	}
	return b.waitFor(`!window.__old && document.readyState === "complete"`)
}

// fill sets the value of the form field named name.
func (b *browser) fill(name, value string) error {
	q, _ := json.Marshal("[name=" + name + "]")
	v, _ := json.Marshal(value)
	_, err := b.eval("document.querySelector(" + string(q) + ").value = " + string(v))
	return err
}

// text is the page's visible text.
func (b *browser) text() (string, error) { return b.eval("document.body.innerText") }

// screenshot returns a PNG of the page.
func (b *browser) screenshot() ([]byte, error) {
	res, err := b.call("Page.captureScreenshot", map[string]any{"format": "png"})
	if err != nil {
		return nil, err
	}
	var r struct{ Data string }
	if err := json.Unmarshal(res, &r); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}

// fontsOf returns the platform fonts the browser drew the text of selector's element
// with (CSS.getPlatformFontsForNode), "family:glyphs" each.
func (b *browser) fontsOf(selector string) ([]string, error) {
	if _, err := b.call("DOM.enable", map[string]any{}); err != nil {
		return nil, err
	}
	if _, err := b.call("CSS.enable", map[string]any{}); err != nil {
		return nil, err
	}
	res, err := b.call("DOM.getDocument", map[string]any{})
	if err != nil {
		return nil, err
	}
	var doc struct{ Root struct{ NodeID int } }
	if err := json.Unmarshal(res, &doc); err != nil {
		return nil, err
	}
	res, err = b.call("DOM.querySelector", map[string]any{"nodeId": doc.Root.NodeID, "selector": selector})
	if err != nil {
		return nil, err
	}
	var node struct{ NodeID int }
	if err := json.Unmarshal(res, &node); err != nil {
		return nil, err
	}
	res, err = b.call("CSS.getPlatformFontsForNode", map[string]any{"nodeId": node.NodeID})
	if err != nil {
		return nil, err
	}
	var fonts struct {
		Fonts []struct {
			FamilyName string
			GlyphCount int
		}
	}
	if err := json.Unmarshal(res, &fonts); err != nil {
		return nil, err
	}
	var out []string
	for _, f := range fonts.Fonts {
		out = append(out, fmt.Sprintf("%s:%d", f.FamilyName, f.GlyphCount))
	}
	return out, nil
}

// cjkFont reports whether one of fonts (fontsOf) is a CJK font that drew glyphs.
func cjkFont(fonts []string) bool {
	for _, f := range fonts {
		l := strings.ToLower(f)
		if (strings.Contains(l, "wenquanyi") || strings.Contains(l, "cjk") || strings.Contains(l, "zen hei") || strings.Contains(l, "han sans")) && !strings.HasSuffix(l, ":0") {
			return true
		}
	}
	return false
}
