// gorilla/websocket: what each side's calls return when a connection closes.
// Usage: gorilla PLAN.json; prints JSON lines (see capture/lib/collect.py).
// Built in GOPATH mode against Debian's golang-github-gorilla-websocket-dev.
package main

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"

	"closecodes/capture/golib"

	"github.com/gorilla/websocket"
)

// Debian's package carries no version constant; capture/run passes it.
var version = "unknown"

const limit = 1 << 20

var plan golib.Plan
var upgrader = websocket.Upgrader{}

func seen(err error) *int {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return &ce.Code
	}
	return nil
}

// readUntilError reads until a call fails and records that error.
func readUntilError(c *websocket.Conn, scenario string, code int, side string) {
	for {
		if _, _, err := c.ReadMessage(); err != nil {
			golib.Emit(scenario, code, side, "exception", err.Error(), seen(err))
			return
		}
	}
}

func closeWith(c *websocket.Conn, code int, reason string) error {
	msg := websocket.FormatCloseMessage(code, reason)
	return c.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
}

func handler(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	scenario := parts[len(parts)-1]
	code := golib.Atoi(parts[1])
	defer golib.Done(scenario)
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		golib.Emit(scenario, code, "server", "exception", err.Error(), nil)
		return
	}
	defer c.Close()
	c.SetReadLimit(limit)
	if parts[0] == "keepalive" {
		c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
	}
	if parts[0] == "server-close" {
		if err := closeWith(c, code, plan.Reasons[parts[1]]); err != nil {
			golib.Emit(scenario, code, "server", "exception", err.Error(), nil)
			return
		}
	}
	readUntilError(c, scenario, code, "server")
}

func dial(url string) (*websocket.Conn, error) {
	dialer := *websocket.DefaultDialer
	dialer.TLSClientConfig = &tls.Config{}
	c, _, err := dialer.Dial(url, nil)
	if c != nil {
		c.SetReadLimit(limit)
	}
	return c, err
}

func pair(code int, reason string) {
	self := fmt.Sprintf("ws://127.0.0.1:%d", plan.Port)

	scenario := fmt.Sprintf("server-close-%d", code)
	wait := golib.Expect(scenario)
	c, err := dial(fmt.Sprintf("%s/server-close/%d/%s", self, code, scenario))
	golib.Must(err)
	readUntilError(c, scenario, code, "client")
	c.Close()
	wait()

	scenario = fmt.Sprintf("client-close-%d", code)
	wait = golib.Expect(scenario)
	c, err = dial(fmt.Sprintf("%s/read/%d/%s", self, code, scenario))
	golib.Must(err)
	if err := closeWith(c, code, reason); err != nil {
		golib.Emit(scenario, code, "client", "exception", err.Error(), nil)
	} else {
		readUntilError(c, scenario, code, "client")
	}
	c.Close()
	wait()
}

func badServer(scenario string, code int, url string, deadline bool) {
	c, err := dial(url)
	if err != nil {
		golib.Emit(scenario, code, "client", "exception", err.Error(), nil)
		return
	}
	defer c.Close()
	if deadline {
		c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
	}
	readUntilError(c, scenario, code, "client")
}

func main() {
	plan = golib.LoadPlan()
	golib.Meta("gorilla", version, "Go "+strings.TrimPrefix(runtime.Version(), "go"))
	golib.Serve(plan.Port, http.HandlerFunc(handler))

	for _, c := range plan.Codes {
		pair(c.Code, c.Reason)
	}
	// gorilla does not check that text is UTF-8: nothing to capture for 1007.
	// Only the keepalive scenario reads with a deadline.
	golib.BadServers(plan, limit, nil, func(scenario string, code int, url string) {
		badServer(scenario, code, url, scenario == "keepalive-client")
	})

	golib.BadClients(plan, limit)
	os.Exit(0)
}
