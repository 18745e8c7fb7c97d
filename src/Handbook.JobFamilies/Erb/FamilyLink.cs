namespace Handbook.JobFamilies.Erb;

/// <summary>A job family as <c>job_families('dept')</c> lists it: its title and page URL.</summary>
public sealed record FamilyLink(string Title, string Url);
