# websocket-driver (Ruby): what the driver's :error and :close events report
# when a connection closes. The driver does no I/O of its own, so this
# program gives it sockets and threads, as its README shows. TLS and
# connecting are Ruby's own, not the driver's: those scenarios are left out.
# Usage: ruby capture.rb PLAN.json; prints JSON lines (see capture/lib/collect.py).
require 'json'
require 'socket'
require 'uri'
require 'timeout'
require 'websocket/driver'

PLAN = JSON.parse(File.read(ARGV.last))
PORT = PLAN['port']
SELF = "ws://127.0.0.1:#{PORT}"
MAX = 1 << 20
OUT = Mutex.new
VERSION_DEB = ENV.fetch('CAPTURE_RUBY_DRIVER_VERSION', 'unknown')

def emit(scenario, code, side, kind, text, seen = nil)
  text = text.to_s.lines.first.to_s.chomp
  return if text.strip.empty?
  line = { scenario: scenario, code: code, side: side, kind: kind, text: text }
  line[:seen] = seen if seen
  OUT.synchronize { $stdout.puts(JSON.generate(line)); $stdout.flush }
end

# What the driver writes goes to the socket; a client driver also needs the URL.
class Wire
  attr_reader :url
  def initialize(io, url = nil)
    @io, @url = io, url
  end

  def write(data)
    @io.write(data)
  rescue IOError, SystemCallError
    nil
  end
end

# Wires a driver's events to output lines; returns a queue that gets :closed.
def watch(driver, scenario, code, side, refused)
  closed = Queue.new
  driver.on(:error) { |e| emit(scenario, code, side, 'exception', e.message) unless refused[0] }
  driver.on(:close) do |e|
    emit(scenario, code, side, 'value', "code=#{e.code} reason=#{e.reason.inspect}", e.code) unless refused[0]
    closed << :closed
  end
  closed
end

# Feeds what arrives to the driver until it closes or the socket ends.
def pump(io, driver, closed, seconds = 2)
  deadline = Time.now + seconds
  while closed.empty? && Time.now < deadline
    ready = IO.select([io], nil, nil, 0.05)
    next unless ready
    begin
      driver.parse(io.readpartial(65536))
    rescue EOFError, IOError, SystemCallError
      break
    end
  end
end

SERVER_DONE = Hash.new { |h, k| h[k] = Queue.new }
DONE_LOCK = Mutex.new
def done(scenario)
  DONE_LOCK.synchronize { SERVER_DONE[scenario] }
end

def wait_done(scenario)
  Timeout.timeout(5) { done(scenario).pop }
rescue Timeout::Error
  warn "timed out waiting for the server side of #{scenario}"
end

def serve_one(io)
  driver = WebSocket::Driver.server(Wire.new(io), max_length: MAX)
  info = {}
  refused = [false]
  closed = nil
  driver.on(:connect) do
    parts = driver.env['PATH_INFO'].split('/').reject(&:empty?)
    info[:scenario], info[:code], info[:action] = parts[-1], parts[1].to_i, parts[0]
    closed = watch(driver, info[:scenario], info[:code], 'server', refused)
    driver.on(:open) do
      if info[:action] == 'server-close'
        driver.close(PLAN['reasons'][info[:code].to_s], info[:code])
      end
    end
    driver.start
  end
  deadline = Time.now + 3
  until closed || Time.now > deadline
    break unless IO.select([io], nil, nil, 0.05).nil? || feed(io, driver)
  end
  pump(io, driver, closed) if closed
ensure
  io.close rescue nil
  done(info[:scenario]) << true if info[:scenario]
end

def feed(io, driver)
  driver.parse(io.readpartial(65536))
  true
rescue EOFError, IOError, SystemCallError
  false
end

def client(url, scenario, code, refused = [false])
  uri = URI(url)
  io = TCPSocket.new(uri.host, uri.port)
  driver = WebSocket::Driver.client(Wire.new(io, url), max_length: MAX)
  closed = watch(driver, scenario, code, 'client', refused)
  yield driver if block_given?
  driver.start
  pump(io, driver, closed)
  io.close rescue nil
end

def pair(code, reason)
  scenario = "server-close-#{code}"
  client("#{SELF}/server-close/#{code}/#{scenario}", scenario, code)
  wait_done(scenario)

  scenario = "client-close-#{code}"
  client("#{SELF}/read/#{code}/#{scenario}", scenario, code) do |driver|
    driver.on(:open) { driver.close(reason, code) }
  end
  wait_done(scenario)
end

def bad_client(scenario, code, action, *args)
  pid = spawn(*PLAN['peer_cmd'], 'client', "#{SELF}/read/#{code}/#{scenario}", action, *args.map(&:to_s), out: File::NULL)
  wait_done(scenario)
  Process.wait(pid)
end

server = TCPServer.new('127.0.0.1', PORT)
Thread.new { loop { Thread.new(server.accept) { |io| serve_one(io) } } }

$stdout.puts(JSON.generate(meta: { library: 'websocket-driver', version: VERSION_DEB, runtime: "Ruby #{RUBY_VERSION}" }))
PLAN['codes'].each { |code, reason| pair(code, reason) }

peer = PLAN['peer']
client("#{peer}/reset", 'bad-server-reset', 1006)
client("#{peer}/eof", 'bad-server-eof', 1006)
client("#{peer}/close-empty", 'bad-server-close-empty', 1005)
client("#{peer}/utf8", 'bad-server-invalid-utf8', 1007)
client("#{peer}/rsv", 'bad-server-rsv-bit', 1002)
client("#{peer}/masked", 'bad-server-masked-frame', 1002)
client("#{peer}/ping-big", 'bad-server-ping-too-big', 1002)
client("#{peer}/big/#{MAX + 1}", 'bad-server-too-big', 1009)
PLAN['wire_only'].each { |c| client("#{peer}/close/#{c}", "bad-server-sends-#{c}", c) }
client("#{peer}/403", 'handshake-403', 1006)
client("#{peer}/404", 'handshake-404', 1006)

bad_client('bad-client-reset', 1006, 'reset')
bad_client('bad-client-killed', 1006, 'killed')
bad_client('bad-client-eof', 1006, 'eof')
bad_client('bad-client-close-empty', 1005, 'close-empty')
bad_client('bad-client-invalid-utf8', 1007, 'utf8')
bad_client('bad-client-rsv-bit', 1002, 'rsv')
bad_client('bad-client-unmasked-frame', 1002, 'unmasked')
bad_client('bad-client-ping-too-big', 1002, 'ping-big')
bad_client('bad-client-too-big', 1009, 'big', MAX + 1)
PLAN['wire_only'].each { |c| bad_client("bad-client-sends-#{c}", c, 'close', c, PLAN['reasons'][c.to_s]) }
exit 0
