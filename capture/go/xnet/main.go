// golang.org/x/net/websocket: what each side's calls return when a
// connection closes. The package has no close codes of its own: Close sends
// 1000, and a Close frame with any code reads as io.EOF, so every code is
// met through the raw peer (/close/N as server, "close N" as client).
// Usage: xnet PLAN.json; prints JSON lines (see capture/lib/collect.py).
// Built in GOPATH mode against Debian's golang-golang-x-net-dev.
package main

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"closecodes/capture/golib"

	"golang.org/x/net/websocket"
)

// Debian's package carries no version constant; capture/run passes it.
var version = "unknown"

const limit = 1 << 20

var plan golib.Plan

// readUntilError receives until a call fails and records that error.
func readUntilError(c *websocket.Conn, scenario string, code int, side string) {
	c.MaxPayloadBytes = limit
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	for {
		var msg string
		if err := websocket.Message.Receive(c, &msg); err != nil {
			// The harness's own deadline: the library noticed nothing.
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				return
			}
			golib.Emit(scenario, code, side, "exception", err.Error(), nil)
			return
		}
	}
}

func handler(c *websocket.Conn) {
	parts := strings.Split(strings.Trim(c.Request().URL.Path, "/"), "/")
	scenario := parts[len(parts)-1]
	code := golib.Atoi(parts[1])
	defer golib.Done(scenario)
	defer c.Close()
	if parts[0] == "keepalive" {
		return
	}
	readUntilError(c, scenario, code, "server")
}

func dial(rawurl string) (*websocket.Conn, error) {
	config, err := websocket.NewConfig(rawurl, "http://127.0.0.1/")
	golib.Must(err)
	if strings.HasPrefix(rawurl, "wss:") {
		config.TlsConfig = &tls.Config{}
	}
	return websocket.DialConfig(config)
}

func badServer(scenario string, code int, rawurl string) {
	c, err := dial(rawurl)
	if err != nil {
		golib.Emit(scenario, code, "client", "exception", err.Error(), nil)
		return
	}
	defer c.Close()
	readUntilError(c, scenario, code, "client")
}

func main() {
	plan = golib.LoadPlan()
	golib.Meta("x-net-websocket", version, "Go "+strings.TrimPrefix(runtime.Version(), "go"))
	golib.Serve(plan.Port, websocket.Server{Handler: handler, Handshake: func(*websocket.Config, *http.Request) error { return nil }})

	self := fmt.Sprintf("ws://127.0.0.1:%d", plan.Port)
	for _, c := range plan.Codes {
		// server-close-N: a server closes with N and the library reads it.
		q := url.Values{"reason": {c.Reason}}.Encode()
		badServer(fmt.Sprintf("server-close-%d", c.Code), c.Code, fmt.Sprintf("%s/close/%d?%s", plan.Peer, c.Code, q))
		// client-close-N: a client closes with N and the library's server reads it.
		scenario := fmt.Sprintf("client-close-%d", c.Code)
		golib.BadClient(plan, fmt.Sprintf("%s/read/%d/%s", self, c.Code, scenario), scenario, "close", fmt.Sprint(c.Code), c.Reason)
	}
	golib.BadServers(plan, limit, map[string]bool{"keepalive-client": true}, badServer)
	golib.BadClients(plan, limit)
	os.Exit(0)
}
