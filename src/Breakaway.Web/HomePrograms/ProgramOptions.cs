using System.ComponentModel.DataAnnotations;

namespace Breakaway.Web.HomePrograms;

/// <summary>The dose budget: longer programs get done less, so the builder warns past these limits.</summary>
public sealed class ProgramOptions
{
    public const string Section = "Programs";

    [Range(1, 50)]
    public int MaxExercises { get; set; } = 8;

    [Range(1, 180)]
    public int MaxMinutes { get; set; } = 30;

    /// <summary>Time one repetition takes, not counting the hold.</summary>
    [Range(1, 30)]
    public int SecondsPerRep { get; set; } = 3;

    /// <summary>Getting into position for the next exercise.</summary>
    [Range(0, 300)]
    public int SecondsBetweenExercises { get; set; } = 30;
}
