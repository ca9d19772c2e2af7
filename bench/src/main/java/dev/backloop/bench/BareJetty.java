package dev.backloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling of the load benchmark: a bare Jetty handler answering the benchmark's routes with bytes
 * serialised before the first request, so a request costs only HTTP parsing, a lookup and a write.
 * The bytes are the responses Backloop gave for the same requests, captured by bench/run.sh:
 *
 * <pre>{@code
 * java -cp backloop-bench.jar dev.backloop.bench.BareJetty RESPONSES_DIR PORT
 * }</pre>
 *
 * RESPONSES_DIR holds {@code records.json} (every Book, as a JSON array ordered by id),
 * {@code find.json}, {@code include.json}, {@code count.json} and {@code create.json}. Query strings are
 * ignored on purpose, except that a find whose query mentions {@code include} gets the include answer.
 */
public final class BareJetty {
    private static final String JSON = "application/json; charset=utf-8";
    private static final String BOOKS = "/api/Books";

    private BareJetty() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Responses responses = Responses.load(dir);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new BooksHandler(responses));
        server.start();
        System.out.println("Bare Jetty is serving " + dir + " at http://127.0.0.1:" + port + BOOKS);
        server.join();
    }

    /** The pre-serialised bodies, one per record id and one per fixed query. */
    record Responses(byte[][] byId, byte[] find, byte[] include, byte[] count, byte[] create) {
        static Responses load(Path dir) throws IOException {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode records = mapper.readTree(dir.resolve("records.json").toFile());
            int maxId = 0;
            for (JsonNode record : records) {
                maxId = Math.max(maxId, record.get("id").asInt());
            }
            byte[][] byId = new byte[maxId + 1][];
            for (JsonNode record : records) {
                byId[record.get("id").asInt()] = mapper.writeValueAsBytes(record);
            }
            return new Responses(byId, Files.readAllBytes(dir.resolve("find.json")),
                    Files.readAllBytes(dir.resolve("include.json")),
                    Files.readAllBytes(dir.resolve("count.json")), Files.readAllBytes(dir.resolve("create.json")));
        }
    }

    /** Routes by method and path only; anything else is 404 with an empty body. */
    static final class BooksHandler extends Handler.Abstract {
        private final Responses responses;

        BooksHandler(Responses responses) {
            this.responses = responses;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            byte[] body = null;
            if ("POST".equals(method) && BOOKS.equals(path)) {
                Content.Source.consumeAll(request); // read the body as a real server must
                body = responses.create();
            } else if ("GET".equals(method) && BOOKS.equals(path)) {
                String query = request.getHttpURI().getQuery();
                body = query != null && query.contains("include") ? responses.include() : responses.find();
            } else if ("GET".equals(method) && path.startsWith(BOOKS + "/")) {
                String rest = path.substring(BOOKS.length() + 1);
                body = "count".equals(rest) ? responses.count() : byId(rest);
            }
            if (body == null) {
                Response.writeError(request, response, callback, 404);
                return true;
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }

        private byte[] byId(String text) {
            try {
                int id = Integer.parseInt(text);
                return id > 0 && id < responses.byId().length ? responses.byId()[id] : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
