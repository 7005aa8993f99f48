// coder/websocket, as Debian packages it (golang-nhooyr-websocket-dev: the
// module was nhooyr.io/websocket before it moved to github.com/coder/websocket).
// Usage: coder PLAN.json; prints JSON lines (see capture/lib/collect.py).
package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"

	"closecodes/capture/golib"

	"nhooyr.io/websocket"
)

// Debian's package carries no version constant; capture/run passes it.
var version = "unknown"

// The library's default read limit is 32768 bytes; the oversized message is one more.
const limit = 32768

var plan golib.Plan

func seen(err error) *int {
	if s := websocket.CloseStatus(err); s != -1 {
		n := int(s)
		return &n
	}
	return nil
}

func readUntilError(c *websocket.Conn, scenario string, code int, side string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		if _, _, err := c.Read(ctx); err != nil {
			s := seen(err)
			// When the sender could not send a code that must not be sent,
			// this side saw another code, and that code's page explains it.
			if golib.WireOnly(plan, code) && s != nil {
				code = *s
			}
			golib.Emit(scenario, code, side, "exception", err.Error(), s)
			return
		}
	}
}

// closeWith records what Close returns and what the library logged while
// closing: Close waits for the peer's Close frame, so its error also tells
// what the other side answered.
func closeWith(c *websocket.Conn, scenario string, code int, side, reason string) {
	err := c.Close(websocket.StatusCode(code), reason)
	for _, line := range logged.Take() {
		golib.Emit(scenario, code, side, "log", line, nil)
	}
	if err != nil {
		golib.Emit(scenario, code, side, "exception", err.Error(), seen(err))
	}
}

// The library logs through the standard logger; its date prefix is the
// only part that changes between runs, so it is left out.
var logged = golib.CaptureLog()

func handler(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	scenario := parts[len(parts)-1]
	code := golib.Atoi(parts[1])
	defer golib.Done(scenario)
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		golib.Emit(scenario, code, "server", "exception", err.Error(), nil)
		return
	}
	defer c.Close(websocket.StatusInternalError, "")
	switch parts[0] {
	case "server-close":
		closeWith(c, scenario, code, "server", plan.Reasons[parts[1]])
		readUntilError(c, scenario, code, "server")
	case "keepalive":
		keepalive(c, scenario, code, "server")
	default:
		readUntilError(c, scenario, code, "server")
	}
}

// keepalive pings the way the library documents: Ping waits for the pong,
// which a concurrent reader has to process.
func keepalive(c *websocket.Conn, scenario string, code int, side string) {
	ctx := c.CloseRead(context.Background())
	pingCtx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if err := c.Ping(pingCtx); err != nil {
		golib.Emit(scenario, code, side, "exception", err.Error(), seen(err))
	}
}

func dial(url string) (*websocket.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}}
	c, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPClient: client})
	return c, err
}

func pair(code int, reason string) {
	self := fmt.Sprintf("ws://127.0.0.1:%d", plan.Port)

	scenario := fmt.Sprintf("server-close-%d", code)
	wait := golib.Expect(scenario)
	c, err := dial(fmt.Sprintf("%s/server-close/%d/%s", self, code, scenario))
	golib.Must(err)
	readUntilError(c, scenario, code, "client")
	wait()

	scenario = fmt.Sprintf("client-close-%d", code)
	wait = golib.Expect(scenario)
	c, err = dial(fmt.Sprintf("%s/read/%d/%s", self, code, scenario))
	golib.Must(err)
	closeWith(c, scenario, code, "client", reason)
	readUntilError(c, scenario, code, "client")
	wait()
}

func badServer(scenario string, code int, url string) {
	c, err := dial(url)
	if err != nil {
		golib.Emit(scenario, code, "client", "exception", err.Error(), nil)
		return
	}
	defer c.Close(websocket.StatusInternalError, "")
	if strings.HasSuffix(url, "/silent") {
		keepalive(c, scenario, code, "client")
		return
	}
	readUntilError(c, scenario, code, "client")
}

func main() {
	plan = golib.LoadPlan()
	golib.Meta("coder", version, "Go "+strings.TrimPrefix(runtime.Version(), "go"))
	golib.Serve(plan.Port, http.HandlerFunc(handler))

	for _, c := range plan.Codes {
		pair(c.Code, c.Reason)
	}
	// This version checks neither that text is UTF-8 nor that a server's
	// frames are unmasked: nothing to capture for those.
	golib.BadServers(plan, limit, map[string]bool{"bad-server-masked-frame": true}, badServer)

	golib.BadClients(plan, limit)
	os.Exit(0)
}
