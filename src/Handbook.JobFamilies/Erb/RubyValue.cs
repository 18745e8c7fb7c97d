namespace Handbook.JobFamilies.Erb;

/// <summary>
/// The few Ruby expressions the ERB subset understands: literals, a bare name, a hash, and a method call with
/// arguments. Anything else is not represented: the parser reports it unsupported.
/// </summary>
public abstract record RubyValue;

/// <summary>A string literal (single or double quoted), already unescaped.</summary>
public sealed record RubyString(string Value) : RubyValue;

/// <summary>A symbol <c>:name</c> (or a hash label <c>name:</c>).</summary>
public sealed record RubySymbol(string Name) : RubyValue;

/// <summary>An integer or decimal literal as written.</summary>
public sealed record RubyNumber(string Text) : RubyValue;

/// <summary>A bare name: a local variable of a partial (or a call without arguments).</summary>
public sealed record RubyName(string Name) : RubyValue;

/// <summary>A hash literal, or the trailing <c>key =&gt; value</c> arguments of a call.</summary>
public sealed record RubyHash(IReadOnlyList<KeyValuePair<RubyValue, RubyValue>> Entries) : RubyValue
{
    /// <summary>The value stored under a symbol or string key <paramref name="key"/>, or null.</summary>
    public RubyValue? Get(string key) =>
        Entries.FirstOrDefault(e => KeyName(e.Key) == key).Value;

    /// <summary>The text of a symbol or string key; null for other keys.</summary>
    public static string? KeyName(RubyValue key) => key switch
    {
        RubySymbol s => s.Name,
        RubyString s => s.Value,
        _ => null,
    };
}

/// <summary>A method call <c>name(args)</c> or <c>name args</c>.</summary>
public sealed record RubyCall(string Name, IReadOnlyList<RubyValue> Arguments) : RubyValue;
