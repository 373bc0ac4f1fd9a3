namespace Breakaway.Web.Messages;

/// <summary>Messages between patients and the clinic (<c>Messages:*</c>).</summary>
public sealed class MessageOptions
{
    public const string Section = "Messages";

    /// <summary>Off: no one can write, the pages say to call the clinic instead; messages already sent stay readable.</summary>
    public bool Enabled { get; set; } = true;
}

public static class MessageRegistration
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddOptions<MessageOptions>().BindConfiguration(MessageOptions.Section).ValidateOnStart();
        services.AddScoped<MessageService>();
        return services;
    }
}
