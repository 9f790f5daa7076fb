#!/usr/bin/perl
# An XML Open311 client parsing as FixMyStreet's Open311.pm does: XML::Simple with ForceArray for the repeated
# elements, KeyAttr => {} and SuppressEmpty => undef (standards.md §2, "XML client parity"). It walks every endpoint
# of a running server and prints what it read as JSON; any surprise dies with a message (exit code 255).
# Usage: perl open311-fms-client.pl BASE_URL API_KEY SERVICE_CODE JURISDICTION
use strict;
use utf8;
use warnings;
use HTTP::Tiny;
use JSON::PP;
use XML::Simple;

my ($base, $key, $code, $jurisdiction) = @ARGV;
die "usage: $0 BASE_URL API_KEY SERVICE_CODE JURISDICTION\n" unless $jurisdiction;
my $endpoint = "$base/open311/v2";
my $http = HTTP::Tiny->new(timeout => 30);

sub parse {
    my ($content) = @_;
    return XMLin(
        $content,
        ForceArray => [qw(service attribute value request error request_update group)],
        KeyAttr => {},
        SuppressEmpty => undef,
    );
}

sub get_xml {
    my ($path, %query) = @_;
    my $url = "$endpoint/$path.xml?" . $http->www_form_urlencode({ jurisdiction_id => $jurisdiction, %query });
    my $res = $http->get($url);
    die "GET $path: $res->{status} $res->{content}\n" unless $res->{status} == 200;
    die "GET $path: content type $res->{headers}{'content-type'}\n"
        unless $res->{headers}{'content-type'} =~ m{^text/xml; charset=utf-8};
    return parse($res->{content});
}

sub post_xml {
    my ($path, $form) = @_;
    my $res = $http->post_form("$endpoint/$path.xml", { jurisdiction_id => $jurisdiction, %$form });
    return ($res->{status}, parse($res->{content}));
}

my %out;

my $discovery = XMLin($http->get("$base/open311/discovery.xml")->{content}, ForceArray => [qw(endpoint format)], KeyAttr => {});
$out{discovery_url} = $discovery->{endpoints}{endpoint}[0]{url};
$out{discovery_formats} = $discovery->{endpoints}{endpoint}[0]{formats}{format};

my $services = get_xml('services');
my ($service) = grep { $_->{service_code} eq $code } @{ $services->{service} };
die "service $code not listed\n" unless $service;
$out{service} = { map { $_ => $service->{$_} } qw(service_code service_name metadata type keywords group) };

my $definition = get_xml("services/$code");
$out{attributes} = [
    map { { code => $_->{code}, datatype => $_->{datatype}, required => $_->{required}, order => $_->{order},
            values => [ map { $_->{key} } @{ $_->{values}{value} || [] } ] } } @{ $definition->{attributes}{attribute} }
];

# What FMS posts: description "title\n\ndetail", the name split in two, lat/long, an attribute, the e-mail.
my ($status, $created) = post_xml('requests', {
    api_key => $key,
    service_code => $code,
    lat => '45.7489',
    long => '21.2087',
    description => "Groapă adâncă\n\nÎn fața blocului, pe banda din dreapta.",
    first_name => 'Maria',
    last_name => 'Ionescu',
    email => 'maria.ionescu@example.ro',
    'attribute[dangerous]' => 'yes',
});
die "POST requests: $status\n" unless $status == 200;
my $id = $created->{request}[0]{service_request_id};
die "no service_request_id\n" unless defined $id && $id =~ /^\d+$/;
die "a token came back beside the id\n" if defined $created->{request}[0]{token};
$out{created_id} = $id;
$out{service_notice} = $created->{request}[0]{service_notice};

my $one = get_xml("requests/$id");
$out{request} = $one->{request}[0];
my $listed = get_xml('requests', service_request_id => $id, status => 'closed');
$out{listed_ids} = [ map { $_->{service_request_id} } @{ $listed->{request} } ];

my ($bad_status, $bad) = post_xml('requests', { service_code => $code, lat => '45.75', long => '21.22' });
$out{no_key} = { status => 0 + $bad_status, code => $bad->{error}[0]{code}, description => $bad->{error}[0]{description} };
my ($missing_status, $missing) = post_xml('requests', { api_key => $key, service_code => $code, lat => '45.75', long => '21.22' });
$out{missing_attribute} = { status => 0 + $missing_status, description => $missing->{error}[0]{description} };
my $unknown = $http->get("$endpoint/requests/999999999.xml");
$out{unknown_request} = { status => 0 + $unknown->{status}, code => parse($unknown->{content})->{error}[0]{code} };

# FMS posts a citizen's update, then reads the updates back with its key.
my ($upd_status, $upd) = post_xml('servicerequestupdates', {
    api_key => $key,
    service_request_id => $id,
    update_id => "fms-$id-1",
    updated_datetime => '2026-11-20T10:00:00+02:00',
    status => 'OPEN',
    description => 'Încă nu a fost reparată.',
    first_name => 'Maria',
    last_name => '-',
    email => 'maria.ionescu@example.ro',
});
die "POST servicerequestupdates: $upd_status\n" unless $upd_status == 200;
$out{update_id} = $upd->{request_update}[0]{update_id};
my ($dup_status) = post_xml('servicerequestupdates', {
    api_key => $key, service_request_id => $id, update_id => "fms-$id-1",
    updated_datetime => '2026-11-20T10:00:00+02:00', status => 'OPEN', description => 'Din nou.',
});
$out{duplicate_update_status} = 0 + $dup_status;
my @now = gmtime(time + 60);
my @then = gmtime(time - 3600);
my $w3c = sub { my @t = @_; sprintf('%04d-%02d-%02dT%02d:%02d:%02dZ', $t[5] + 1900, $t[4] + 1, $t[3], $t[2], $t[1], $t[0]) };
my $updates = get_xml('servicerequestupdates', api_key => $key, start_date => $w3c->(@then), end_date => $w3c->(@now));
$out{updates} = [ grep { $_->{service_request_id} eq $id } @{ $updates->{request_update} || [] } ];

print JSON::PP->new->canonical->utf8->encode(\%out), "\n";
