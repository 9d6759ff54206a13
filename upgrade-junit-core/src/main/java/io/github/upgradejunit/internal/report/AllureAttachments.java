package io.github.upgradejunit.internal.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.util.List;

/**
 * Adds a verdict's attachments (its timeline SVG, its outages CSV) to the Allure test result of the
 * verdict test that is running on this thread. Allure's JUnit Platform listener starts a test
 * result when the engine reports the verdict test started, and tracks it per thread; attachments
 * added before the engine reports it finished land in that result.
 *
 * <p>Nothing happens unless Allure is in use: its JUnit Platform listener is on the classpath (what
 * {@code allure-jupiter} brings) or {@code allure.results.directory} is set. Otherwise Allure's
 * lifecycle is never touched, so users without Allure see no logging from it.
 */
public final class AllureAttachments {

  private static final String LISTENER = "io.qameta.allure.junitplatform.AllureJunitPlatform";

  private AllureAttachments() {
  }

  /** Attach to the Allure test result running on this thread, if Allure is in use and one is running. */
  public static void attachToCurrentTest(List<RunReporter.Attachment> attachments) {
    if (attachments.isEmpty() || !allureInUse()) {
      return;
    }
    attach(Allure.getLifecycle(), attachments);
  }

  /** Attach to the lifecycle's current test result; nothing when no test is running. */
  static void attach(AllureLifecycle lifecycle, List<RunReporter.Attachment> attachments) {
    if (lifecycle.getCurrentTestCase().isEmpty()) {
      return;
    }
    for (RunReporter.Attachment a : attachments) {
      lifecycle.addAttachment(a.name(), a.mimeType(), "." + a.extension(), a.content());
    }
  }

  static boolean allureInUse() {
    if (System.getProperty("allure.results.directory") != null) {
      return true;
    }
    try {
      Class.forName(LISTENER, false, AllureAttachments.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
