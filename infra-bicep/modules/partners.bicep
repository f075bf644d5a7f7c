// Partner administrations as the parameter files describe them (ARCHITECTURE decision 3): each country owns its
// inbound topic c2c.{cc} in its own namespace; partners only hold send rights to it.

@export()
@description('A partner allowed to send to our topic c2c.{cc}: with its identity, a send-only SAS rule, or both.')
type inboundPartner = {
  @description('ISO 3166-1 alpha-2 code of the partner administration.')
  @minLength(2)
  @maxLength(2)
  country: string

  @description('Object ID of the partner node\'s service principal in our tenant: Azure Service Bus Data Sender on our topic only (same tenant).')
  principalId: string?

  @description('Create the send-only SAS rule send-{partner cc} on our topic (across tenants). Its key is handed to the partner out of band; SAS needs local auth on the namespace.')
  sasRule: bool?
}

@export()
@description('Where our node sends a partner\'s messages: the partner\'s topic c2c.{cc} in the partner\'s namespace.')
type outboundDestination = {
  @description('ISO 3166-1 alpha-2 code of the partner administration.')
  @minLength(2)
  @maxLength(2)
  country: string

  @description('The partner\'s namespace, e.g. sb-c2c-prod-bf.servicebus.windows.net.')
  namespace: string

  @description('The send-only SAS rule the partner created for us on its topic (send-{our cc}); its key is our Key Vault secret servicebus-send-{partner cc}. Absent: our managed identity, which the partner made Data Sender on its topic.')
  sasKeyName: string?

  @description('Largest message the partner\'s topic takes, in KB (its inboundMaxMessageKilobytes output): 256 on Standard, default.')
  @minValue(5)
  @maxValue(102400)
  maxMessageKilobytes: int?
}

@export()
@description('Key Vault secret holding the SAS key a partner gave us for its topic.')
func partnerKeySecretName(country string) string => 'servicebus-send-${toLower(country)}'

@export()
@description('Name of the send-only SAS rule a partner gets on our topic.')
func sasRuleName(country string) string => 'send-${toLower(country)}'
