@file:JvmName("KotlinContenders")

package dev.coro.bench.kotlin

import kotlin.coroutines.Continuation
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlin.coroutines.intrinsics.createCoroutineUnintercepted
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn
import kotlin.coroutines.resume

// Kotlin's side of workloads A-D, compiled by kotlin-maven-plugin. Two spellings of each:
// "as users write it" (the sequence {} builder, or a small generic send/yield class over the raw
// coroutine intrinsics, values boxed as the generic types box them) and "at its best" (the same
// machinery handing primitive values over through fields).

// ---------------------------------------------------------------- (A) generator

/** (A), (C) as users write it: `sequence { yield(a) }`, each value a boxed Long. */
fun fibonacciSequence(): Iterator<Long> = sequence {
    var a = 0L
    var b = 1L
    while (true) {
        yield(a)
        val t = a + b
        a = b
        b = t
    }
}.iterator()

/** (A) at its best: the `iterator {}` builder yields Unit; the value goes out through a field. */
class FibonacciField {
    @JvmField var value = 0L
    private val steps: Iterator<Unit> = iterator {
        var a = 0L
        var b = 1L
        while (true) {
            value = a
            yield(Unit)
            val t = a + b
            a = b
            b = t
        }
    }

    fun next(): Long {
        steps.next()
        return value
    }
}

/** What a finished raw coroutine completes into. */
internal object Finished : Continuation<Any?> {
    override val context: CoroutineContext get() = EmptyCoroutineContext
    override fun resumeWith(result: Result<Any?>) {
        result.getOrThrow()
    }
}

/**
 * (A), (C) with the raw intrinsics: `createCoroutineUnintercepted` + `resume`, the value through a
 * field. Suspended, it is this object plus the lambda's continuation, which holds `a` and `b`.
 */
class RawFibonacci {
    @JvmField var value = 0L
    private var cont: Continuation<Unit>? = FIB_BODY.createCoroutineUnintercepted(this, Finished)

    internal suspend fun suspendHere(): Unit = suspendCoroutineUninterceptedOrReturn { c ->
        cont = c
        COROUTINE_SUSPENDED
    }

    fun next(): Long {
        val c = cont ?: throw NoSuchElementException()
        cont = null
        c.resume(Unit)
        return value
    }

    private companion object {
        val FIB_BODY: suspend RawFibonacci.() -> Unit = {
            var a = 0L
            var b = 1L
            while (true) {
                value = a
                suspendHere()
                val t = a + b
                a = b
                b = t
            }
        }
    }
}

// ---------------------------------------------------------------- (B) consumer

/**
 * Python's generator protocol for sending, as a Kotlin user writes it over the raw intrinsics:
 * `val x = yieldValue(y)` suspends yielding `y` and resumes with what `send` gives. Generic, so values
 * are boxed both ways.
 */
class RawGenerator<Y, S>(body: suspend RawGenerator<Y, S>.() -> Unit) {
    private var cont: Continuation<Any?>? = body.createCoroutineUnintercepted(this, Finished).erased()
    private var out: Y? = null

    suspend fun yieldValue(y: Y): S = suspendCoroutineUninterceptedOrReturn { c ->
        out = y
        cont = c.erased()
        COROUTINE_SUSPENDED
    }

    /** Python's `g.send(s)` (`next(g)` is `send(null)`). */
    @Suppress("UNCHECKED_CAST")
    fun send(s: S?): Y {
        val c = cont ?: throw NoSuchElementException("finished")
        cont = null
        c.resume(s)
        return out as Y
    }

    @Suppress("UNCHECKED_CAST")
    private fun <T> Continuation<T>.erased(): Continuation<Any?> = this as Continuation<Any?>
}

/** (B) as users write it: `x = yield total` over [RawGenerator]. Started (at its first yield) by the caller's `send(null)`. */
fun runningSum(): RawGenerator<Long, Long> = RawGenerator {
    var total = 0L
    while (true) {
        val x = yieldValue(total)
        total += x
    }
}

/** (B) at its best: the raw intrinsics with the value in and the total out through fields. */
class RunningSumField {
    @JvmField var input = 0L
    @JvmField var total = 0L
    private var cont: Continuation<Unit>? = BODY.createCoroutineUnintercepted(this, Finished)

    init {
        step()
    }

    internal suspend fun suspendHere(): Unit = suspendCoroutineUninterceptedOrReturn { c ->
        cont = c
        COROUTINE_SUSPENDED
    }

    private fun step() {
        val c = cont ?: throw NoSuchElementException()
        cont = null
        c.resume(Unit)
    }

    fun send(x: Long): Long {
        input = x
        step()
        return total
    }

    private companion object {
        val BODY: suspend RunningSumField.() -> Unit = {
            var t = 0L
            while (true) {
                total = t
                suspendHere()
                t += input
            }
        }
    }
}

// ---------------------------------------------------------------- (D) pipeline

/** (D) source as users write it: `sequence { yield(i) }`. */
fun countSequence(): Iterator<Long> = sequence {
    var i = 0L
    while (true) {
        yield(i)
        i++
    }
}.iterator()

/** (D) filter as users write it: passes on the values not divisible by 3; primed. */
fun dropThrees(target: RawGenerator<*, Long>): RawGenerator<Unit?, Long> {
    val g = RawGenerator<Unit?, Long> {
        while (true) {
            val x = yieldValue(null)
            if (x % 3 != 0L) target.send(x)
        }
    }
    g.send(null)
    return g
}

/** (D) sink as users write it: a running sum; primed. */
fun summing(): RawGenerator<Long, Long> {
    val g = runningSum()
    g.send(null)
    return g
}

/** (D) at its best: the same three stages over the raw intrinsics, every value through a field. */
class PipelineField {
    private val source = CountField()
    private val sink = RunningSumField()
    private val filter = DropThreesField(sink)

    /** One item: source -> filter -> sink. */
    fun step(): Long {
        val x = source.next()
        filter.send(x)
        return x
    }

    fun total(): Long = sink.total

    class CountField {
        @JvmField var value = 0L
        private val steps: Iterator<Unit> = iterator {
            var i = 0L
            while (true) {
                value = i
                yield(Unit)
                i++
            }
        }

        fun next(): Long {
            steps.next()
            return value
        }
    }

    class DropThreesField(private val target: RunningSumField) {
        @JvmField var input = 0L
        private var cont: Continuation<Unit>? = BODY.createCoroutineUnintercepted(this, Finished)

        init {
            step()
        }

        internal suspend fun suspendHere(): Unit = suspendCoroutineUninterceptedOrReturn { c ->
            cont = c
            COROUTINE_SUSPENDED
        }

        private fun step() {
            val c = cont ?: throw NoSuchElementException()
            cont = null
            c.resume(Unit)
        }

        fun send(x: Long) {
            input = x
            step()
        }

        private companion object {
            val BODY: suspend DropThreesField.() -> Unit = {
                while (true) {
                    suspendHere()
                    val x = input
                    if (x % 3 != 0L) target.send(x)
                }
            }
        }
    }
}
