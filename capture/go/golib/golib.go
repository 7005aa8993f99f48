// Package golib holds what the Go capture programs share: the plan, output
// lines, waiting for the server side, and the misbehaving peer.
package golib

import (
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

type Code struct {
	Code   int
	Reason string
}

type Plan struct {
	Codes    []Code            `json:"-"`
	Reasons  map[string]string `json:"reasons"`
	WireOnly []int             `json:"wire_only"`
	Peer     string            `json:"peer"`
	TLSPeer  string            `json:"tls_peer"`
	Refused  string            `json:"refused"`
	Port     int               `json:"port"`
	PeerCmd  []string          `json:"peer_cmd"`
}

func LoadPlan() Plan {
	data, err := os.ReadFile(os.Args[len(os.Args)-1])
	Must(err)
	var raw struct {
		Plan
		RawCodes [][2]any `json:"codes"`
	}
	Must(json.Unmarshal(data, &raw))
	p := raw.Plan
	for _, c := range raw.RawCodes {
		p.Codes = append(p.Codes, Code{int(c[0].(float64)), c[1].(string)})
	}
	return p
}

var out sync.Mutex

func print(v any) {
	out.Lock()
	defer out.Unlock()
	b, err := json.Marshal(v)
	Must(err)
	fmt.Println(string(b))
}

func Meta(library, version, runtime string) {
	print(map[string]any{"meta": map[string]string{"library": library, "version": version, "runtime": runtime}})
}

// Emit prints one captured line; seen is nil when the side reported no code.
func Emit(scenario string, code int, side, kind, text string, seen *int) {
	line := map[string]any{"scenario": scenario, "code": code, "side": side, "kind": kind, "text": text}
	if seen != nil {
		line["seen"] = *seen
	}
	print(line)
}

var (
	mu      sync.Mutex
	waiting = map[string]chan struct{}{}
)

func channel(scenario string) chan struct{} {
	mu.Lock()
	defer mu.Unlock()
	ch, ok := waiting[scenario]
	if !ok {
		ch = make(chan struct{})
		waiting[scenario] = ch
	}
	return ch
}

// Expect returns a function that waits until the server side calls Done.
func Expect(scenario string) func() {
	ch := channel(scenario)
	return func() {
		select {
		case <-ch:
		case <-time.After(5 * time.Second):
			fmt.Fprintln(os.Stderr, "timed out waiting for the server side of", scenario)
		}
	}
}

func Done(scenario string) {
	close(channel(scenario))
}

func Serve(port int, h http.Handler) {
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	Must(err)
	go http.Serve(ln, h)
}

// BadClient runs the misbehaving peer against our server and waits for both.
func BadClient(p Plan, url, scenario, action string, args ...string) {
	wait := Expect(scenario)
	cmd := exec.Command(p.PeerCmd[0], append(append(p.PeerCmd[1:], "client", url, action), args...)...)
	Must(cmd.Start())
	wait()
	cmd.Wait()
}

// BadClients sends the misbehaving peer, as a client, at our server once for
// each client-side failure: the server's routes /read/CODE/SCENARIO and
// /keepalive/CODE/SCENARIO record what the library reports. Messages over
// limit bytes are too big.
func BadClients(p Plan, limit int) {
	self := fmt.Sprintf("ws://127.0.0.1:%d", p.Port)
	bad := func(scenario string, code int, action string, args ...string) {
		BadClient(p, fmt.Sprintf("%s/read/%d/%s", self, code, scenario), scenario, action, args...)
	}
	bad("bad-client-reset", 1006, "reset")
	bad("bad-client-killed", 1006, "killed")
	bad("bad-client-eof", 1006, "eof")
	bad("bad-client-close-empty", 1005, "close-empty")
	bad("bad-client-rsv-bit", 1002, "rsv")
	bad("bad-client-unmasked-frame", 1002, "unmasked")
	bad("bad-client-ping-too-big", 1002, "ping-big")
	bad("bad-client-too-big", 1009, "big", fmt.Sprint(limit+1))
	for _, code := range p.WireOnly {
		bad(fmt.Sprintf("bad-client-sends-%d", code), code, "close", fmt.Sprint(code), p.Reasons[fmt.Sprint(code)])
	}
	BadClient(p, fmt.Sprintf("%s/keepalive/1006/keepalive-server", self), "keepalive-server", "silent", "1")
}

// BadServers points a client at each misbehaving server of the peer:
// run(scenario, code, url) connects and records what the library reports.
// `skip` names scenarios a library does not check, so has nothing to capture.
func BadServers(p Plan, limit int, skip map[string]bool, run func(scenario string, code int, url string)) {
	bad := func(scenario string, code int, url string) {
		if !skip[scenario] {
			run(scenario, code, url)
		}
	}
	peer := p.Peer
	bad("bad-server-reset", 1006, peer+"/reset")
	bad("bad-server-eof", 1006, peer+"/eof")
	bad("bad-server-close-empty", 1005, peer+"/close-empty")
	bad("bad-server-rsv-bit", 1002, peer+"/rsv")
	bad("bad-server-masked-frame", 1002, peer+"/masked")
	bad("bad-server-ping-too-big", 1002, peer+"/ping-big")
	bad("bad-server-too-big", 1009, fmt.Sprintf("%s/big/%d", peer, limit+1))
	for _, code := range p.WireOnly {
		bad(fmt.Sprintf("bad-server-sends-%d", code), code, fmt.Sprintf("%s/close/%d", peer, code))
	}
	bad("keepalive-client", 1006, peer+"/silent")
	bad("handshake-403", 1006, peer+"/403")
	bad("handshake-404", 1006, peer+"/404")
	bad("tls-self-signed", 1015, p.TLSPeer)
	bad("connection-refused", 1006, p.Refused)
}

func Atoi(s string) int {
	n, err := strconv.Atoi(s)
	Must(err)
	return n
}

func Must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func WireOnly(p Plan, code int) bool {
	for _, c := range p.WireOnly {
		if c == code {
			return true
		}
	}
	return false
}

// LogLines collects what a library writes to the standard logger.
type LogLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *LogLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		l.lines = append(l.lines, line)
	}
	return len(p), nil
}

// Take returns the lines logged since the last call.
func (l *LogLines) Take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	lines := l.lines
	l.lines = nil
	return lines
}

func CaptureLog() *LogLines {
	l := &LogLines{}
	log.SetFlags(0)
	log.SetOutput(l)
	return l
}
