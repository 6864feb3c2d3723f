package com.bookstore.infra.data;

import com.bookstore.infra.region.RegionContext;
import com.pulumi.aws.dynamodb.DynamodbFunctions;
import com.pulumi.aws.dynamodb.Table;
import com.pulumi.aws.dynamodb.TableArgs;
import com.pulumi.aws.dynamodb.TableReplica;
import com.pulumi.aws.dynamodb.TableReplicaArgs;
import com.pulumi.aws.dynamodb.inputs.GetTableArgs;
import com.pulumi.aws.dynamodb.inputs.TableAttributeArgs;
import com.pulumi.aws.dynamodb.inputs.TableGlobalSecondaryIndexArgs;
import com.pulumi.aws.dynamodb.inputs.TablePointInTimeRecoveryArgs;
import com.pulumi.aws.dynamodb.inputs.TableServerSideEncryptionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Books, Cart and Orders as DynamoDB global tables (version 2019.11.21). The primary creates the tables; the
 * secondary adds a {@link TableReplica} of each, built from the primary's table ARNs, so each stack owns its
 * side of the replication and a stack never edits the other's resources.
 *
 * <p>Safe by default: on-demand billing, streams with both images (global tables and the best-seller consumer
 * need them), point-in-time recovery, encryption with the DynamoDB KMS key and deletion protection.
 */
public final class GlobalTables extends ComponentResource {

    public final TableRef books;
    public final TableRef cart;
    public final TableRef orders;

    public GlobalTables(String name, GlobalTablesArgs args, ComponentResourceOptions options) {
        super("bookstore:data:GlobalTables", name, options);
        RegionContext region = args.region();
        Map<TableDesign, TableRef> refs = new EnumMap<>(TableDesign.class);
        for (TableDesign design : TableDesign.values()) {
            String tableName = region.names().table(design.logicalName);
            refs.put(design, args.primaryTableArns()
                    .map(arns -> createReplica(name, design, tableName, arns.get(design), args))
                    .orElseGet(() -> createTable(name, design, tableName, args)));
        }
        this.books = refs.get(TableDesign.BOOKS);
        this.cart = refs.get(TableDesign.CART);
        this.orders = refs.get(TableDesign.ORDERS);
        registerOutputs(Map.of(
                "booksTableArn", books.arn(),
                "cartTableArn", cart.arn(),
                "ordersTableArn", orders.arn(),
                "ordersStreamArn", orders.streamArn()));
    }

    private TableRef createTable(String name, TableDesign design, String tableName, GlobalTablesArgs args) {
        List<TableAttributeArgs> attributes = new ArrayList<>();
        attributes.add(stringAttribute(design.partitionKey));
        design.sortKey.ifPresent(key -> attributes.add(stringAttribute(key)));
        design.indexedAttribute.ifPresent(key -> attributes.add(stringAttribute(key)));

        var table = TableArgs.builder()
                .name(tableName)
                .billingMode("PAY_PER_REQUEST")
                .hashKey(design.partitionKey)
                .attributes(attributes)
                .streamEnabled(true)
                .streamViewType("NEW_AND_OLD_IMAGES")
                .pointInTimeRecovery(TablePointInTimeRecoveryArgs.builder().enabled(true).build())
                .serverSideEncryption(TableServerSideEncryptionArgs.builder().enabled(true).build())
                .deletionProtectionEnabled(args.deletionProtection());
        design.sortKey.ifPresent(table::rangeKey);
        design.indexedAttribute.ifPresent(key -> table.globalSecondaryIndexes(TableGlobalSecondaryIndexArgs.builder()
                .name(TableDesign.CATEGORY_INDEX)
                .hashKey(key)
                .projectionType("ALL")
                .build()));

        var created = new Table(name + "-" + design.logicalName, table.build(), CustomResourceOptions.builder()
                .parent(this)
                // The secondary stack owns the replica; this stack must not try to remove it.
                .ignoreChanges("replicas")
                .build());
        return new TableRef(tableName, created.arn(), created.streamArn());
    }

    private TableRef createReplica(String name, TableDesign design, String tableName, Output<String> primaryArn,
                                   GlobalTablesArgs args) {
        var replica = new TableReplica(name + "-" + design.logicalName, TableReplicaArgs.builder()
                .globalTableArn(primaryArn)
                .pointInTimeRecovery(true)
                .deletionProtectionEnabled(args.deletionProtection())
                .build(), CustomResourceOptions.builder().parent(this).build());
        // The replica's own stream (each region's consumer reads its own replica) is only known once the
        // replica exists: read it back, keyed on the replica so the read waits for it.
        var described = DynamodbFunctions.getTable(
                GetTableArgs.builder().name(replica.arn().applyValue(arn -> tableName)).build(),
                InvokeOutputOptions.builder().parent(this).provider(args.region().providers().home()).build());
        return new TableRef(tableName, replica.arn(), described.applyValue(table -> table.streamArn()));
    }

    private static TableAttributeArgs stringAttribute(String attribute) {
        return TableAttributeArgs.builder().name(attribute).type("S").build();
    }
}
