package org.healthycities.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormViews;
import org.healthycities.forms.SubmissionLinks;
import org.healthycities.forms.Submissions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The public sample form stores real submissions: it is there only when the demo profile switches it on. */
class SampleFormSwitchTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(FormCatalog.class, () -> mock(FormCatalog.class))
            .withBean(Submissions.class, () -> mock(Submissions.class))
            .withBean(SubmissionLinks.class, () -> mock(SubmissionLinks.class))
            .withBean(FormViews.class, () -> mock(FormViews.class))
            .withUserConfiguration(SampleFormController.class);

    @Test
    void offByDefault() {
        context.run(c -> assertThat(c).doesNotHaveBean(SampleFormController.class));
    }

    @Test
    void onWhenSwitchedOn() {
        context.withPropertyValues("hc.forms.sample.enabled=true")
                .run(c -> assertThat(c).hasSingleBean(SampleFormController.class));
    }

    @Test
    void theDemoProfileSwitchesItOn() throws Exception {
        var yaml = new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("demo", new org.springframework.core.io.ClassPathResource("application-demo.yml"));
        assertThat(yaml.get(0).getProperty("hc.forms.sample.enabled")).isEqualTo(true);
    }
}
