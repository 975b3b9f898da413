package tmsp;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pool that runs asynchronous cross-module listeners ({@code @ApplicationModuleListener}), configured by
 * {@code spring.task.execution.*}. Spring Boot makes no such pool when another executor exists (Camunda's job
 * executor is one), and {@code @EnableAsync} then starts a new thread per event; with several executors it takes
 * the one named {@code taskExecutor}.
 */
@Configuration(proxyBeanMethods = false)
class AsyncEvents {

    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor taskExecutor(ThreadPoolTaskExecutorBuilder builder) {
        return builder.build();
    }
}
