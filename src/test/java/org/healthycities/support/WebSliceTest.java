package org.healthycities.support;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.AccountStatus;
import org.healthycities.security.LoginGuard;
import org.healthycities.security.SliceSecurity;
import org.healthycities.web.Dates;
import org.healthycities.web.PublicAddress;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The fast tier's controller slices: a subclass names its controller with {@code @WebMvcTest(SomeController.class)}
 * and mocks that controller's services; the web layer around it is the application's own (security rules, CSRF,
 * message bundles in four languages, validation messages, Thymeleaf pages, error summary, dates). No database and no
 * engine: what they would answer is mocked here once for every slice (the login's identity service, the guess
 * limiter's table, the public address of the layout).
 */
@Import({SliceSecurity.class, Dates.class})
@MockitoBean(types = {IdentityService.class, LoginGuard.class, AccountStatus.class, JdbcTemplate.class,
        PublicAddress.class})
public abstract class WebSliceTest {
}
