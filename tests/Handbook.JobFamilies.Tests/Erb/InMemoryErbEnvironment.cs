namespace Handbook.JobFamilies.Tests.Erb;

using Handbook.JobFamilies.Erb;

/// <summary>An ERB environment built in memory: input-relative files and families per folder.</summary>
internal sealed class InMemoryErbEnvironment : IErbEnvironment
{
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<FamilyLink>> Families { get; } = new(StringComparer.Ordinal);

    public List<string> Reads { get; } = [];

    public IReadOnlyList<FamilyLink> FamiliesIn(string folder) =>
        Families.TryGetValue(folder, out var list) ? list : [];

    public bool TryReadInclude(string inputRelativePath, out string text)
    {
        Reads.Add(inputRelativePath);
        return Files.TryGetValue(inputRelativePath, out text!);
    }
}
