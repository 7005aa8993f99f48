// OkHttp (Debian's libokhttp-java): what its WebSocket listener is told when
// a connection closes. OkHttp has no server, so the peer is the raw one.
// Usage: java -cp ... OkHttpCapture PLAN.json; prints JSON lines.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

public class OkHttpCapture {
    static String plan;

    static String str(String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*\"([^\"]*)\"").matcher(plan);
        if (!m.find()) throw new IllegalStateException("plan has no " + key);
        return m.group(1);
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static synchronized void emit(String scenario, int code, String kind, String text, Integer seen) {
        System.out.println("{\"scenario\": " + json(scenario) + ", \"code\": " + code + ", \"side\": \"client\", \"kind\": "
                + json(kind) + ", \"text\": " + json(text) + (seen == null ? "" : ", \"seen\": " + seen) + "}");
    }

    /** What a Java program prints for an exception: its message, or its class when it has none. */
    static String text(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getName();
    }

    interface OnOpen { boolean run(WebSocket ws); }

    static void open(OkHttpClient client, String scenario, int code, String url, OnOpen onOpen) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        boolean[] refused = {false};
        client.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override public void onOpen(WebSocket ws, Response response) {
                if (onOpen != null) refused[0] = !onOpen.run(ws);
            }
            @Override public void onClosing(WebSocket ws, int seen, String reason) {
                if (!refused[0]) emit(scenario, seen, "value", "code=" + seen + " reason=" + json(reason), seen);
                ws.close(seen == 1005 ? 1000 : seen, null);
            }
            @Override public void onClosed(WebSocket ws, int seen, String reason) { done.countDown(); }
            @Override public void onFailure(WebSocket ws, Throwable t, Response response) {
                if (!refused[0]) emit(scenario, code, "exception", text(t), null);
                done.countDown();
            }
        });
        if (!done.await(5, TimeUnit.SECONDS)) System.err.println("timed out: " + scenario);
    }

    public static void main(String[] args) throws Exception {
        plan = Files.readString(Path.of(args[args.length - 1]));
        String version = System.getenv().getOrDefault("CAPTURE_OKHTTP_VERSION", "unknown");
        System.out.println("{\"meta\": {\"library\": \"okhttp\", \"version\": " + json(version)
                + ", \"runtime\": " + json("Java " + System.getProperty("java.version")) + "}}");
        OkHttpClient client = new OkHttpClient.Builder().build();
        String peer = str("peer");

        Matcher codes = Pattern.compile("\\[\\s*(\\d+),\\s*\"([^\"]*)\"\\s*\\]").matcher(plan);
        List<Object[]> list = new ArrayList<>();
        while (codes.find()) list.add(new Object[] {Integer.parseInt(codes.group(1)), codes.group(2)});
        for (Object[] c : list) {
            int code = (Integer) c[0];
            String reason = (String) c[1];
            open(client, "server-close-" + code, code, peer + "/close/" + code + "?reason=" + reason.replace(" ", "%20"), null);
            open(client, "client-close-" + code, code, peer + "/echo", ws -> {
                try {
                    ws.close(code, reason);
                    return true;
                } catch (IllegalArgumentException e) {
                    emit("client-close-" + code, code, "exception", text(e), null);
                    ws.close(1000, null);
                    return false;
                }
            });
        }
        open(client, "bad-server-reset", 1006, peer + "/reset", null);
        open(client, "bad-server-eof", 1006, peer + "/eof", null);
        open(client, "bad-server-close-empty", 1005, peer + "/close-empty", null);
        open(client, "bad-server-rsv-bit", 1002, peer + "/rsv", null);
        open(client, "bad-server-masked-frame", 1002, peer + "/masked", null);
        open(client, "bad-server-ping-too-big", 1002, peer + "/ping-big", null);
        open(client, "handshake-403", 1006, peer + "/403", null);
        open(client, "handshake-404", 1006, peer + "/404", null);
        open(client, "tls-self-signed", 1015, str("tls_peer"), null);
        open(client, "connection-refused", 1006, str("refused"), null);
        OkHttpClient pinging = client.newBuilder().pingInterval(200, TimeUnit.MILLISECONDS).build();
        open(pinging, "keepalive-client", 1006, peer + "/silent", null);
        System.out.flush();
        System.exit(0);
    }
}
