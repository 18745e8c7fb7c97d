namespace Handbook.Pipeline.Stages;

/// <summary>
/// Shared, build-wide objects (grade table, theme, options) looked up by type. Deliberately tiny: no reflection,
/// no lifetimes – a plugin registers instances when it is added to the site.
/// </summary>
public sealed class ServiceRegistry
{
    private readonly Dictionary<Type, object> _services = [];

    public void Add<T>(T service)
        where T : class => _services[typeof(T)] = service;

    public T Get<T>()
        where T : class =>
        _services.TryGetValue(typeof(T), out var s) ? (T)s : throw new InvalidOperationException($"service {typeof(T).Name} is not registered");

    public T? GetOrDefault<T>()
        where T : class => _services.TryGetValue(typeof(T), out var s) ? (T)s : null;
}
