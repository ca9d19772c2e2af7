package dev.backloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedMethod;
import dev.backloop.server.BackloopServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer of {@code examples/todo} in a real browser: Debian's headless chromium, driven through its
 * chromedriver. It lists the models, runs "Try it out" on {@code GET /Todos} and sees the stored todo in a
 * 200 answer; and, in an app with a User model, an access token set once with Authorize goes with every call.
 * Screenshots are left at {@code target/explorer-screenshot.png} and {@code target/explorer-token-screenshot.png}. Without chromium the test
 * fails and says how to install it: CI installs it in {@code .ci/browser.sh}.
 */
class ExplorerBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String MISSING_BROWSER = "this test needs Debian's chromium and chromedriver (" + CHROMIUM + ", "
            + CHROMEDRIVER + "): run .ci/browser.sh as root, or apt-get install chromium chromium-driver";

    @TempDir
    Path tempDir;

    @Test
    void listsTheModelsAndTriesOutGetTodos() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)).as(MISSING_BROWSER).isTrue();
        Path appDir = copyExample(tempDir.resolve("todo"));
        try (App app = AppBooter.boot(appDir, "test", Map.of()); BackloopServer server = app.listen("127.0.0.1", 0)) {
            String root = "http://127.0.0.1:" + server.uri().getPort();
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root + "/api/Todos"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Seen in the explorer\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);

            WebDriver browser = startChromium();
            try {
                browser.get(root + "/explorer/");
                WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-tag")));
                List<String> tags = browser.findElements(By.cssSelector(".opblock-tag")).stream()
                        .map(tag -> tag.getAttribute("data-tag")).toList();
                assertThat(tags).contains("Todo", "Category");

                Call call = tryOut(browser, "get", "/Todos");
                screenshot(browser, "explorer-screenshot.png");
                assertThat(call.status()).isEqualTo("200");
                assertThat(call.body()).contains("Seen in the explorer");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void anAccessTokenSetOnceIsSentWithEveryCall() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)).as(MISSING_BROWSER).isTrue();
        Path appDir = copyFixture("tokens", tempDir.resolve("tokens"));
        try (App app = AppBooter.boot(appDir, "test", Map.of())) {
            // echoes the Authorization header the call carried
            app.sharedClass("User").add(SharedMethod.builder("whoami")
                    .accepts(Accept.of("authorization", "string", HttpSource.HEADER))
                    .returns(Return.root("token", "string"))
                    .route("get", "/whoami")
                    .handler(inv -> String.valueOf(inv.arg("authorization")))
                    .build());
            try (BackloopServer server = app.listen("127.0.0.1", 0)) {
                WebDriver browser = startChromium();
                try {
                    browser.get("http://127.0.0.1:" + server.uri().getPort() + "/explorer/");
                    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
                    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper button.authorize"))).click();
                    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
                    dialog.findElement(By.cssSelector("input[type=text]")).sendKeys("tok-123");
                    dialog.findElement(By.cssSelector(".auth-btn-wrapper button.authorize")).click();
                    wait.until(d -> !dialog.findElements(By.cssSelector(".auth-btn-wrapper button.btn-done")).isEmpty());
                    dialog.findElement(By.cssSelector(".auth-btn-wrapper button.btn-done")).click();

                    Call whoami = tryOut(browser, "get", "/Users/whoami");
                    assertThat(whoami.status()).isEqualTo("200");
                    assertThat(whoami.body()).contains("tok-123");
                    Call find = tryOut(browser, "get", "/Users");
                    screenshot(browser, "explorer-token-screenshot.png");
                    assertThat(find.status()).isEqualTo("200");
                    assertThat(find.curl()).contains("Authorization: tok-123");
                } finally {
                    browser.quit();
                }
            }
        }
    }

    /** What Swagger UI shows after "Try it out" and "Execute" on one operation. */
    private record Call(String status, String body, String curl) {
    }

    private static Call tryOut(WebDriver browser, String verb, String path) {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        WebElement block = operation(browser, verb, path);
        block.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(d -> !block.findElements(By.cssSelector(".try-out__btn")).isEmpty());
        block.findElement(By.cssSelector(".try-out__btn")).click();
        wait.until(d -> !block.findElements(By.cssSelector("button.execute")).isEmpty());
        block.findElement(By.cssSelector("button.execute")).click();
        wait.until(d -> !block.findElements(By.cssSelector(".live-responses-table tr.response .response-col_status")).isEmpty());
        return new Call(block.findElement(By.cssSelector(".live-responses-table tr.response .response-col_status")).getText(),
                block.findElement(By.cssSelector(".live-responses-table tr.response .response-col_description")).getText(),
                block.findElement(By.cssSelector(".curl-command")).getText());
    }

    /** The operation block of one verb and path (Swagger UI marks each block with its method and path). */
    private static WebElement operation(WebDriver browser, String verb, String path) {
        for (WebElement block : browser.findElements(By.cssSelector(".opblock.opblock-" + verb))) {
            List<WebElement> paths = block.findElements(By.cssSelector(".opblock-summary-path"));
            if (!paths.isEmpty() && path.equals(paths.get(0).getAttribute("data-path"))) {
                return block;
            }
        }
        throw new AssertionError("no " + verb.toUpperCase() + " " + path + " operation on the page");
    }

    private WebDriver startChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no sandbox (CI runs as root), nothing fetched from the network but the page, a fresh profile
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600",
                "--user-data-dir=" + tempDir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A fixture app of the test resources, copied so the test may write in it. */
    private static Path copyFixture(String name, Path target) throws Exception {
        Path source = Path.of(ExplorerBrowserTest.class.getResource("/apps/" + name).toURI());
        copyTree(source, target);
        return target;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
    }

    /** examples/todo without its data file, so the test starts from an empty store. */
    private static Path copyExample(Path target) throws IOException {
        Path source = Path.of("..", "examples", "todo");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                if (relative.startsWith("data")) {
                    continue;
                }
                Path destination = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
        return target;
    }
}
