package org.vedetta.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * For each test: headless Chromium driven through its chromedriver, both from Debian's packages
 * ({@code chromium}, {@code chromium-driver}; the project's test script installs them). Without them the test is
 * skipped, unless {@code -Dvedetta.browser.required=true} (the test script sets it) makes that a failure.
 * Screenshots go to {@code target/screenshots/}, with one of the page a failed test left.
 */
final class Browser implements BeforeEachCallback, AfterEachCallback {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private ChromeDriver driver;

  @Override
  public void beforeEach(ExtensionContext context) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (Boolean.getBoolean("vedetta.browser.required")) {
      if (!installed) {
        throw new IllegalStateException(
            "Chromium and chromedriver are required (apt-get install chromium chromium-driver)");
      }
    } else {
      Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
    }
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--window-size=1280,1000");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (driver == null) {
      return;
    }
    try {
      if (context.getExecutionException().isPresent()) {
        screenshot("failed-" + context.getRequiredTestMethod().getName());
      }
    } finally {
      driver.quit();
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Waits up to {@code seconds} for a condition on the page. */
  WebDriverWait waiting(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}, the whole page's height. */
  Path screenshot(String name) throws IOException {
    long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
    int shown = (int) Math.max(700, Math.min(height, 3000));
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, shown));
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.createDirectories(SCREENSHOTS);
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return target;
  }
}
