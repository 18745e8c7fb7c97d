namespace Handbook.JobFamilies.Erb;

using Handbook.JobFamilies.Model;

/// <summary>The expanded page text and the map from its lines back to the page and partial files they came from.</summary>
public sealed record ErbResult(string Text, SourceMap Map);
