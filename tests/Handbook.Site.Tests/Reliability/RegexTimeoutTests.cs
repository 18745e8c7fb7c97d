namespace Handbook.Site.Tests.Reliability;

using System.Reflection;
using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;

/// <summary>
/// Every regular expression of the plugin and the app stops after <see cref="RegexLimits.MatchTimeout"/>, so odd page
/// text can make a pattern give up (LIMIT030) but never hang the build. Fails when a new pattern forgets the timeout.
/// </summary>
[Trait("Category", "Limits")]
public sealed class RegexTimeoutTests
{
    [Fact]
    public void Every_regular_expression_of_the_site_has_the_match_timeout()
    {
        // Given every [GeneratedRegex] method in the plugin and the app, and every pattern the extends recogniser
        // interprets under the JIT (RecognizerPattern; its generated matchers are among the [GeneratedRegex] methods)
        var assemblies = new[] { typeof(Handbook.JobFamilies.Erb.ErbExpander).Assembly, typeof(Handbook.Site.Export.CareerLadderLinks).Assembly };
        var types = assemblies.SelectMany(a => a.GetTypes()).ToList();
        var generated = types
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .Select(m => ($"{m.DeclaringType!.Name}.{m.Name}", (Regex)m.Invoke(null, null)!));
        var interpreted = types
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType.Name == "RecognizerPattern")
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (Regex)f.FieldType.GetProperty("Regex")!.GetValue(f.GetValue(null))!));
        var regexes = generated.Concat(interpreted).ToList();

        // Then there are many, and each one's Regex stops after RegexLimits.MatchTimeout
        Assert.True(regexes.Count >= 50, $"found only {regexes.Count}");
        Assert.Contains(regexes, r => r.Item1.Contains("SentenceExtendsName", StringComparison.Ordinal));
        Assert.All(regexes, r => Assert.True(r.Item2.MatchTimeout == RegexLimits.MatchTimeout, $"{r.Item1} has no match timeout"));
    }

}
