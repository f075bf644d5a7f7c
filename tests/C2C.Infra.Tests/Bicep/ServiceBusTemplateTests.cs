using System.Text.Json.Nodes;
using C2C.Core.Messages;

namespace C2C.Infra.Tests.Bicep;

/// <summary>The inbound topic and its family subscriptions, as the node's Service Bus processor receives them.</summary>
public sealed class ServiceBusTemplateTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.MainTemplate;

    private static JsonArray Families =>
        Template.Module("servicebus").Properties["template"]!["variables"]!["families"]!.AsArray();

    [Fact]
    public void Namespace_sku_is_a_parameter()
    {
        Template.Single("Microsoft.ServiceBus/namespaces");
        Assert.Equal(["Premium", "Standard"], Template.Root["parameters"]!["serviceBusSku"]!["allowedValues"]!.AsArray().Select(v => (string)v!).Order());
    }

    [Fact]
    public void Partners_with_a_sas_rule_get_send_only_on_our_topic_and_sas_is_off_without_them()
    {
        var rule = Template.Single("Microsoft.ServiceBus/namespaces/topics/authorizationRules");
        var namespaces = Template.Single("Microsoft.ServiceBus/namespaces");

        Assert.Equal(["Send"], rule.Properties["rights"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("[length(variables('sasSenders'))]", rule.Json["copy"].Str("count"));
        Assert.Contains("sasRuleName(variables('sasSenders')[copyIndex()].country)", rule.Name, StringComparison.Ordinal);
        Assert.Equal("[filter(parameters('inboundPartners'), lambda('p', coalesce(tryGet(lambdaVariables('p'), 'sasRule'), false())))]", rule.Variable("sasSenders")!.ToString());
        // No namespace-wide rule: a partner's key opens our topic, for sending, and nothing else.
        Assert.Empty(Template.OfType("Microsoft.ServiceBus/namespaces/authorizationRules"));
        Assert.Empty(Template.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions/authorizationRules"));
        Assert.Equal("[empty(variables('sasSenders'))]", namespaces.Json.Str("properties.disableLocalAuth"));
    }

    [Fact]
    public void Inbound_topic_is_c2c_dot_country_with_duplicate_detection()
    {
        var topic = Template.Single("Microsoft.ServiceBus/namespaces/topics");

        Assert.True(topic.Json.Bool("properties.requiresDuplicateDetection"));
        Assert.Equal("[parameters('duplicateDetectionWindow')]", topic.Json.Str("properties.duplicateDetectionHistoryTimeWindow"));
        Assert.Equal("c2c.tg", ArmValues.Format(Template.Root["variables"]!["names"].Str("topic")!, "tg"));
    }

    [Fact]
    public void Premium_topics_take_the_configured_message_size_and_the_deployment_tells_it()
    {
        var topic = Template.Single("Microsoft.ServiceBus/namespaces/topics");
        var module = Template.Module("servicebus").Properties["template"]!;

        Assert.Equal("[if(equals(parameters('sku'), 'Premium'), parameters('premiumMaxMessageKilobytes'), null())]", topic.Json.Str("properties.maxMessageSizeInKilobytes"));
        Assert.Equal("[if(equals(parameters('sku'), 'Premium'), parameters('premiumMaxMessageKilobytes'), 256)]", module["outputs"].Str("maxMessageKilobytes.value"));
        Assert.Equal(1024, (int)Template.Root["parameters"]!["serviceBusPremiumMaxMessageKilobytes"]!["defaultValue"]!);
        Assert.Equal("[reference('serviceBus').outputs.maxMessageKilobytes.value]", Template.Root["outputs"].Str("inboundMaxMessageKilobytes.value"));
    }

    [Fact]
    public void One_subscription_per_message_family_with_dead_lettering()
    {
        var subscription = Template.Single("Microsoft.ServiceBus/namespaces/topics/subscriptions");

        Assert.Equal(Enum.GetNames<MessageFamily>().Order(), Families.Select(f => f.Str("family")!).Order());
        Assert.All(Families, f => Assert.Equal(f.Str("family")!.ToLowerInvariant(), f.Str("subscription")));
        Assert.Equal("[length(variables('families'))]", subscription.Json["copy"].Str("count"));
        Assert.Equal("[parameters('maxDeliveryCount')]", subscription.Json.Str("properties.maxDeliveryCount"));
        Assert.True(subscription.Json.Bool("properties.deadLetteringOnMessageExpiration"));
        Assert.True(subscription.Json.Bool("properties.deadLetteringOnFilterEvaluationExceptions"));
        Assert.Equal(10, Template.Root["parameters"]!["maxDeliveryCount"]!["defaultValue"]!.GetValue<int>());
    }

    [Fact]
    public void Each_subscription_replaces_its_default_rule_with_a_sql_filter_on_family()
    {
        var rule = Template.Single("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules");

        // Replacing $Default removes the catch-all TrueFilter the broker creates with the subscription.
        Assert.EndsWith("'$Default')]", rule.Name, StringComparison.Ordinal);
        Assert.Equal("SqlFilter", rule.Json.Str("properties.filterType"));
        var expression = rule.Json.Str("properties.sqlFilter.sqlExpression")!;
        Assert.Equal("[format('user.family = ''{0}''', variables('families')[copyIndex()].family)]", expression);
        Assert.Equal("user.family = 'Transit'", ArmValues.Format(expression, "Transit"));
    }

    [Fact]
    public void The_nodes_processor_receives_one_existing_subscription_per_message_family()
    {
        // No Service Bus trigger: the node's own processor receives Topology.Subscription(family) for every family.
        var subscriptions = Families.Select(f => f.Str("subscription")).Order();
        Assert.Equal(Enum.GetValues<C2C.Core.Messages.MessageFamily>().Select(C2C.Core.Ports.Topology.Subscription).Order(), subscriptions);
    }

    [Fact]
    public void A_dead_lettered_message_raises_a_metric_alert_on_the_namespace()
    {
        var alert = Template.Single("Microsoft.Insights/metricAlerts");
        var criterion = alert.Json["properties"]!["criteria"]!["allOf"]!.AsArray().Single()!;

        Assert.Equal("DeadletteredMessages", criterion.Str("metricName"));
        Assert.Equal("GreaterThan", criterion.Str("operator"));
        Assert.Equal(0, (int)criterion["threshold"]!);
        Assert.Contains("Microsoft.ServiceBus/namespaces", alert.Json["properties"]!["scopes"]!.AsArray().Single()!.ToString());
        Assert.Equal("", (string)Template.Root["parameters"]!["alertEmail"]!["defaultValue"]!); // e-mail optional: the alert fires regardless
    }
}
