package se.malspar.platform.database;

import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

import java.util.Map;

/**
 * Hibernate runs with its "none" bytecode provider, so the jars need no Byte Buddy (9 MB; the root
 * pom leaves it out, issue 16: a jar ≤ 100 MB). That provider makes no lazy proxies and enhances
 * nothing, which no entity here needs: none has an association, nothing asks for a reference.
 * Hibernate 6.6 no longer reads {@code hibernate.bytecode.provider}; it takes every provider
 * registered as a Java service, and hibernate-core registers its Byte Buddy one, which fails to load
 * without Byte Buddy. This contributor (META-INF/services) binds the provider before that lookup.
 */
public final class NoBytecodeProvider implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
        serviceRegistryBuilder.addInitiator(new StandardServiceInitiator<BytecodeProvider>() {
            @Override
            public Class<BytecodeProvider> getServiceInitiated() {
                return BytecodeProvider.class;
            }

            @Override
            public BytecodeProvider initiateService(Map<String, Object> configurationValues, ServiceRegistryImplementor registry) {
                return new org.hibernate.bytecode.internal.none.BytecodeProviderImpl();
            }
        });
    }
}
