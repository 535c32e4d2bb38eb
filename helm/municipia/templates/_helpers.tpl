{{/* The chart's name, shortened to the 63 characters a label value allows. */}}
{{- define "municipia.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name; objects are named after it so two releases can share a namespace. */}}
{{- define "municipia.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "municipia.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "municipia.labels" -}}
helm.sh/chart: {{ include "municipia.chart" . }}
{{ include "municipia.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: municipia
{{- end }}

{{/* The migration Job's pod: labels of its own, so that no selector of the serving pods (the
     Services, the disruption budget, the NetworkPolicy) ever counts it. */}}
{{- define "municipia.migrationSelectorLabels" -}}
app.kubernetes.io/name: {{ include "municipia.name" . }}-migrate
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: migration
{{- end }}

{{/* Selector labels never change between upgrades: a Deployment's selector is immutable. */}}
{{- define "municipia.selectorLabels" -}}
app.kubernetes.io/name: {{ include "municipia.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "municipia.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "municipia.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The headless Service whose endpoints Hazelcast reads to find the other replicas. */}}
{{- define "municipia.hazelcastServiceName" -}}
{{- printf "%s-hazelcast" (include "municipia.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Payara Micro's data grid port (its default, which the image exposes); not a value, because
     the chart cannot move Payara's listener. */}}
{{- define "municipia.hazelcastPort" -}}
6900
{{- end }}

{{- define "municipia.configMapName" -}}
{{- printf "%s-config" (include "municipia.fullname" .) }}
{{- end }}

{{/* Secret names: the operator's existing Secret, else the one this chart makes. */}}
{{- define "municipia.dbAppSecretName" -}}
{{- default (printf "%s-db-app" (include "municipia.fullname" .)) .Values.database.app.existingSecret }}
{{- end }}

{{- define "municipia.dbOwnerSecretName" -}}
{{- default (printf "%s-db-owner" (include "municipia.fullname" .)) .Values.database.owner.existingSecret }}
{{- end }}

{{- define "municipia.oidcSecretName" -}}
{{- default (printf "%s-oidc" (include "municipia.fullname" .)) .Values.oidc.existingSecret }}
{{- end }}

{{- define "municipia.smtpSecretName" -}}
{{- default (printf "%s-smtp" (include "municipia.fullname" .)) .Values.smtp.existingSecret }}
{{- end }}

{{/* The public URL: given, else derived from the Ingress host; empty lets the app use the request. */}}
{{- define "municipia.baseUrl" -}}
{{- if .Values.app.baseUrl }}
{{- .Values.app.baseUrl }}
{{- else if and .Values.ingress.enabled .Values.ingress.host }}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host }}
{{- end }}
{{- end }}

{{/* What Payara Micro is started with, unless the operator replaces it through .Values.args. */}}
{{- define "municipia.args" -}}
{{- if .Values.args }}
{{- toYaml .Values.args }}
{{- else }}
{{- $args := list "--deploy" .Values.payara.deployment "--contextroot" .Values.payara.contextRoot "--port" "8080" }}
{{- if .Values.payara.clustering }}
{{- $args = concat $args (list "--clustermode" (printf "kubernetes:%s,%s" .Release.Namespace (include "municipia.hazelcastServiceName" .))) }}
{{- else }}
{{- $args = append $args "--nocluster" }}
{{- end }}
{{- toYaml (concat $args .Values.payara.extraArgs) }}
{{- end }}
{{- end }}

{{/* Invariants the schema cannot express: fail the install with a message that says what to fix. */}}
{{- define "municipia.validate" -}}
{{- $stop := add .Values.preStopSleepSeconds .Values.payara.shutdownSeconds }}
{{- if le (int .Values.terminationGracePeriodSeconds) (int $stop) }}
{{- fail (printf "terminationGracePeriodSeconds (%v) must exceed preStopSleepSeconds + payara.shutdownSeconds (%v): otherwise the kubelet kills Payara before it has stopped" .Values.terminationGracePeriodSeconds $stop) }}
{{- end }}
{{- if and (not .Values.database.app.existingSecret) (not .Values.database.app.password) }}
{{- fail "database.app.password is required when database.app.existingSecret is empty" }}
{{- end }}
{{- if and (not .Values.database.owner.existingSecret) (not .Values.database.owner.password) }}
{{- fail "database.owner.password is required when database.owner.existingSecret is empty" }}
{{- end }}
{{- if and (not .Values.oidc.existingSecret) (not .Values.oidc.clientSecret) }}
{{- fail "oidc.clientSecret is required when oidc.existingSecret is empty" }}
{{- end }}
{{- if and .Values.smtp.enabled (not .Values.smtp.existingSecret) (not .Values.smtp.host) }}
{{- fail "smtp.host is required when smtp.enabled is true and smtp.existingSecret is empty" }}
{{- end }}
{{- if and .Values.ingress.enabled (not .Values.ingress.host) }}
{{- fail "ingress.host is required when ingress.enabled is true" }}
{{- end }}
{{- if and .Values.podDisruptionBudget.enabled (eq (kindIs "invalid" .Values.podDisruptionBudget.minAvailable) (kindIs "invalid" .Values.podDisruptionBudget.maxUnavailable)) }}
{{- fail "podDisruptionBudget: set exactly one of minAvailable and maxUnavailable (the other null)" }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail "autoscaling.minReplicas must not exceed autoscaling.maxReplicas" }}
{{- end }}
{{- end }}
