package org.healthycities.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSRF_COOKIE = "HC-CSRF";

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    /** The engine REST API: HTTP Basic for the secretariat and the admin, nobody else, no session. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                   IdentityService identityService) throws Exception {
        http.securityMatcher(antMatcher("/engine-rest/**"))
                .authenticationManager(only(provider))
                .authorizeHttpRequests(a -> a.anyRequest()
                        .hasAnyAuthority("GROUP_" + CurrentUser.ADMIN, "GROUP_" + CurrentUser.SECRETARIAT))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no cookies are accepted here, so there is nothing to forge
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Camunda's webapps (Cockpit, Tasklist, Admin) log in against the same identity service with their own
     * session and CSRF protection; engine authorizations decide what each group may use there.
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, LoginGuard guard, AccountStatus accounts, Clock clock)
            throws Exception {
        http.securityMatcher(antMatcher("/camunda/**"))
                .addFilterBefore(new WebappLoginGuardFilter(guard, accounts, clock), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                              List<PublicPaths> publicPaths,
                              ObjectProvider<RequestMappingInfoHandlerMapping> pages)
            throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        http.authenticationManager(only(provider))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .requestMatchers(EndpointRequest.to("startup")).hasAuthority("GROUP_" + CurrentUser.ADMIN)
                        .requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/vendor/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers(open).permitAll()
                        .requestMatchers("/home").authenticated()
                        .requestMatchers("/admin/**").hasAuthority("GROUP_" + CurrentUser.ADMIN)
                        .requestMatchers("/staff/**").hasAnyAuthority("GROUP_" + CurrentUser.ADMIN,
                                "GROUP_" + CurrentUser.SECRETARIAT_LEAD)
                        .requestMatchers("/tasks/**").hasAnyAuthority("GROUP_" + CurrentUser.ADMIN,
                                "GROUP_" + CurrentUser.SECRETARIAT, "GROUP_" + CurrentUser.BOARD)
                        .anyRequest().hasAnyAuthority("GROUP_" + CurrentUser.ADMIN, "GROUP_" + CurrentUser.SECRETARIAT))
                // an anonymous visitor gets no web session: the CSRF token rides in a cookie, the page asked
                // for before login waits in a cookie, and a refused login says why in the address
                .csrf(c -> c.csrfTokenRepository(csrfCookie()))
                .requestCache(r -> r.requestCache(new CookieRequestCache()))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/home", false).permitAll()
                        // a lock gets its own message; a wrong password and an unknown user the same one
                        .failureHandler(new ExceptionMappingAuthenticationFailureHandler() {
                            {
                                setDefaultFailureUrl("/login?error");
                                setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
                                setAllowSessionCreation(false);
                            }
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?logout").deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.accessDeniedHandler(new CsrfRefusal()).authenticationEntryPoint(new UnknownPageEntryPoint(loginPage(), pages)))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * The CSRF token in a cookie of its own (not XSRF-TOKEN, which Camunda's webapps use under /camunda),
     * unreadable by scripts: pages carry the token in a meta tag and their forms.
     */
    static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieName(CSRF_COOKIE);
        repository.setHeaderName("X-CSRF-TOKEN");
        repository.setCookieCustomizer(c -> c.sameSite("Lax"));
        return repository;
    }

    /** To the login page by a relative redirect: the request's Host header never makes the address. */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * Our provider alone, without Spring's global manager as parent: a refused login would otherwise be tried
     * a second time there, and each failure counted twice.
     */
    private static ProviderManager only(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /**
     * Spring Security wraps each of its filters in an observation when Actuator is present; nothing reads them
     * (see {@code management.observations} in application.yml); in a profile of a workshop's saves the observations
     * were about an eighth of the request threads' samples.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PublicPaths actuatorHealth() {
        return PublicPaths.of("/actuator/health", "/actuator/health/**");
    }
}
