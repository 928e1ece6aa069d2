package dev.optimlab.base;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Puts the security-context strategy of the Spring context a test runs in back into the JVM-wide
 * {@link SecurityContextHolder}, with the test's {@code @WithMockUser} authentication in it. Vaadin's security
 * auto-configuration installs its strategy globally each time a context starts, so after a test class with
 * another configuration started a second cached context, views in the first would see nobody signed in
 * (vaadin/flow#25507, fixed in releases later than the one we build on).
 */
public class CurrentContextSecurityStrategy extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        // after WithSecurityContextTestExecutionListener (10000), which sets the test's authentication
        return 10_001;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        VaadinAwareSecurityContextHolderStrategy strategy = context
                .getBeanProvider(VaadinAwareSecurityContextHolderStrategy.class).getIfAvailable();
        if (strategy != null && SecurityContextHolder.getContextHolderStrategy() != strategy) {
            var authentication = TestSecurityContextHolder.getContext();
            SecurityContextHolder.setContextHolderStrategy(strategy);
            strategy.setContext(authentication);
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            SecurityContextHolder.clearContext();
        }
    }
}
