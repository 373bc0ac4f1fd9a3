using Microsoft.Extensions.Options;

namespace Breakaway.Web.Mail;

public static class MailRegistration
{
    public static IServiceCollection AddBreakawayMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailFolder>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<PickupFolderTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value.UsesServer
            ? sp.GetRequiredService<SmtpTransport>()
            : sp.GetRequiredService<PickupFolderTransport>());
        services.AddScoped<Outbox>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
