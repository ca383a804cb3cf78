package dev.coro.weaver;

import dev.coro.internal.Bootstrap;
import dev.coro.internal.CoroFrame;
import dev.coro.internal.Woven;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The weaver writes the runtime's names and numbers as constants ({@link Names}) without linking
 * to them; each is pinned here to what coro-api really declares, so that the two cannot drift apart.
 */
class NamesTest {
    @Test
    void theContractAndTheFailedLabelAreTheRuntimes() throws Exception {
        assertEquals(Bootstrap.CONTRACT, Names.CONTRACT);
        assertEquals(Bootstrap.CONTRACT, Weaver.CONTRACT);
        Field failed = CoroFrame.class.getDeclaredField("FAILED");
        failed.setAccessible(true);
        assertEquals(failed.getInt(null), Names.FAILED_LABEL);
    }

    @Test
    void classNamesAreTheRuntimes() {
        assertEquals(Type.getInternalName(dev.coro.Yield.class), Names.YIELD);
        assertEquals(Type.getDescriptor(dev.coro.Coroutine.class), Names.COROUTINE_DESC);
        assertEquals(Type.getInternalName(dev.coro.Coro.class), Names.CORO);
        assertEquals(Type.getDescriptor(dev.coro.Coro.class), Names.CORO_DESC);
        assertEquals(Type.getInternalName(CoroFrame.class), Names.FRAME_BASE);
        assertEquals(Type.getInternalName(Bootstrap.class), Names.BOOTSTRAP);
        assertEquals(Type.getDescriptor(Woven.class), Names.WOVEN_DESC);
    }

    @Test
    void membersTheWovenCodeCallsExistWithTheseDescriptors() throws Exception {
        assertEquals(Names.RESUME_DESC, desc(CoroFrame.class, Names.RESUME));
        assertEquals(Names.DELEGATE_DESC, desc(CoroFrame.class, Names.DELEGATE));
        assertEquals("()V", desc(CoroFrame.class, Names.CLEAR_LOCALS));
        assertEquals("()" + Names.STRING_DESC, desc(CoroFrame.class, Names.METHOD_NAME));
        assertEquals("()" + Names.STRING_DESC, desc(CoroFrame.class, Names.SOURCE_FILE));
        assertEquals("(I)I", desc(CoroFrame.class, Names.LINE));
        for (String step : new String[] {Names.FAST_ENTER, Names.FAST_FAILED, Names.FAST_EXIT, Names.SLOW_SEND}) {
            desc(CoroFrame.class, step); // exists
        }
        assertEquals(int.class, CoroFrame.class.getDeclaredField(Names.LABEL_FIELD).getType());
        Method bootstrap = Bootstrap.class.getMethod(Names.BOOTSTRAP_NAME, MethodHandles.Lookup.class, String.class,
                MethodType.class, Object[].class);
        assertEquals(CallSite.class, bootstrap.getReturnType());
        assertEquals(Names.BOOTSTRAP_DESC, Type.getMethodDescriptor(bootstrap));
        assertEquals(int.class, Woven.class.getMethod(Names.WOVEN_CONTRACT).getReturnType());
    }

    private static String desc(Class<?> c, String name) {
        Method found = null;
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                assertEquals(null, found, "one method " + name);
                found = m;
            }
        }
        assertEquals(true, found != null, c.getName() + " has no method " + name);
        return Type.getMethodDescriptor(found);
    }
}
