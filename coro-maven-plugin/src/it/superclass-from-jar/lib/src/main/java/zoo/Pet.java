package zoo;

public abstract class Pet extends Animal {
    public abstract String sound();
}
