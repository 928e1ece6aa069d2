package dev.optimlab.runs;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the server's one run service from {@code optimlab.runs.*}, reporting to Micrometer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunProperties.class)
class RunServiceConfiguration {

    @Bean(destroyMethod = "close")
    RunService runService(RunProperties properties, ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return new RunService(properties.toSettings(Runtime.getRuntime().maxMemory()), new PyliteExecutor(),
                meters != null ? new MicrometerRunMetrics(meters) : RunMetrics.NONE);
    }

    @Bean
    RunServiceHealthIndicator runServiceHealthIndicator(RunService runService) {
        return new RunServiceHealthIndicator(runService);
    }
}
