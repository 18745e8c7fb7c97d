namespace Handbook.JobFamilies.Extends;

/// <summary>Diagnostic codes of the extends pass (README "Extends").</summary>
public static class ExtendsCodes
{
    /// <summary>Error: the statement's target matches no role (hint: the closest role names).</summary>
    public const string Unresolved = "EXTENDS001";

    /// <summary>Error: a role extends itself, or roles extend each other in a cycle (the chain is named).</summary>
    public const string Cycle = "EXTENDS002";

    /// <summary>Warning: several roles match the target equally well; all are offered as a choice.</summary>
    public const string Ambiguous = "EXTENDS003";

    /// <summary>Warning: the statement's verb is misspelt ("Exends"); it is read as "extends" (hint: the word to write).</summary>
    public const string MisspeltVerb = "EXTENDS004";

    /// <summary>Error: an extends chain is longer than <see cref="MaxChainLength"/>; the rest of the chain is not inherited.</summary>
    public const string ChainTooLong = "LIMIT012";

    /// <summary>The longest chain of roles extending each other that is expanded.</summary>
    public const int MaxChainLength = 20;
}
