package app;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import zoo.Cat;
import zoo.Dog;
import zoo.Pet;

public class Main {
    @Coroutine
    static Coro<String, Void, Void> voices(int n) {
        for (int i = 0; i < n; i++) {
            // the two branches meet with a Cat or a Dog on the stack: their common superclass is Pet
            Pet pet = i % 2 == 0 ? new Cat() : new Dog();
            Yield.value(pet.name() + " wakes up");
            Yield.value(pet.name() + " says " + pet.sound());
        }
        return Yield.done();
    }

    public static void main(String[] args) {
        for (String line : voices(3)) {
            System.out.println(line);
        }
    }
}
