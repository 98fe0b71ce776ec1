package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner's path through a real client: Jupyter's notebook server on 127.0.0.1, the first chapter's notebook
 * (without outputs) opened in headless Chromium, "Cell > Run All" clicked in the menu, and every chart the chapter
 * shows must appear as an image, with no error and nothing on stderr, and the math in the prose must render. Chromium resolves no host but 127.0.0.1,
 * so a page that reached for the network would fail here. A screenshot is kept in target/browser/.
 */
class BrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Process server;
    private WebDriver driver;
    private String base;
    private String token;

    @Test
    void runAllCellsInTheBrowserShowsTheCharts() throws Exception {
        Path page = Project.chapters().get(0);
        String name = NotebookGenerator.notebookName(page);
        Path served = Project.TARGET.resolve("browser/notebooks");
        Files.createDirectories(served);
        // the generated notebook has no outputs, so every image below was drawn by this run
        var nb = NotebookGenerator.generate(page);
        Notebooks.write(served.resolve(name), nb);
        int charts = 0;
        for (var cell : nb.getAsJsonArray("cells")) {
            if (Notebooks.text(cell.getAsJsonObject().get("source")).contains("Figures.show(")) {
                charts++;
            }
        }
        assertTrue(charts > 0, name + " shows no chart, so this test would prove nothing");

        startServer(served);
        driver = chromium();
        driver.get(base + "/notebooks/" + name + "?token=" + token);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        WebDriverWait startUp = new WebDriverWait(driver, Duration.ofSeconds(120));
        startUp.until(d -> !d.findElements(By.cssSelector("#kernel_indicator_icon.kernel_idle_icon")).isEmpty());

        driver.findElement(By.id("celllink")).click();
        driver.findElement(By.cssSelector("#run_all_cells > a")).click();

        new WebDriverWait(driver, Duration.ofSeconds(240)).until(d -> (Boolean) js.executeScript(
                "const p = Array.from(document.querySelectorAll('.code_cell .input_prompt'));"
                        + "return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.innerText));"));
        screenshot("run-all.png");

        List<WebElement> images = driver.findElements(By.cssSelector(".output_area img"));
        assertEquals(charts, images.size(), "one image per Figures.show cell");
        for (WebElement img : images) {
            assertTrue(img.getAttribute("src").startsWith("data:image/png;base64,"), img.getAttribute("src"));
            Number width = (Number) js.executeScript("return arguments[0].naturalWidth;", img);
            assertTrue(width.intValue() > 100, "the chart decodes to a real image, width " + width);
        }
        // the chapter's LaTeX renders through the MathJax that Debian's Jupyter serves locally
        Number math = (Number) js.executeScript(
                "return document.querySelectorAll('.rendered_html .MathJax, .rendered_html .MathJax_Display').length;");
        assertTrue(math.intValue() > 0, "math rendered in the markdown cells");
        js.executeScript("window.scrollTo(0, 0); document.querySelector('#notebook-container').scrollIntoView();");
        screenshot("top.png");

        List<String> errors = new ArrayList<>();
        for (WebElement e : driver.findElements(By.cssSelector(".output_error, .output_stderr"))) {
            errors.add(e.getText());
        }
        assertEquals(List.of(), errors, "no error or stderr output in the page");
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,2000", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        return o;
    }

    private static WebDriver chromium() throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        Path profile = Files.createTempDirectory(Project.TARGET, "chromium-profile");
        return new ChromeDriver(service, options(profile));
    }

    private void startServer(Path dir) throws Exception {
        Jupyter jupyter = Project.jupyter();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        token = java.util.UUID.randomUUID().toString().replace("-", "");
        base = "http://127.0.0.1:" + port;
        List<String> args = new ArrayList<>(List.of("notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--NotebookApp.port_retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + dir));
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--allow-root");
        }
        Path log = Project.TARGET.resolve("browser/jupyter-server.log");
        server = jupyter.jupyter(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest status = HttpRequest.newBuilder(URI.create(base + "/api/status?token=" + token)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            assertTrue(server.isAlive(), "Jupyter exited:\n" + Files.readString(log));
            try {
                if (http.send(status, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < deadline, "Jupyter did not answer within 60 s:\n" + Files.readString(log));
            server.waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    private void screenshot(String file) throws IOException {
        Path out = Project.TARGET.resolve("browser").resolve(file);
        Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            try {
                screenshot("last.png");
            } finally {
                driver.quit();
            }
        }
        if (server != null) {
            // shut the kernels down through the API first, so no kernel outlives the server
            HttpClient http = HttpClient.newHttpClient();
            var list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/kernels?token=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (var k : JsonParser.parseString(list.body()).getAsJsonArray()) {
                String id = k.getAsJsonObject().get("id").getAsString();
                http.send(HttpRequest.newBuilder(URI.create(base + "/api/kernels/" + id + "?token=" + token))
                        .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            assertFalse(server.isAlive());
        }
    }
}
